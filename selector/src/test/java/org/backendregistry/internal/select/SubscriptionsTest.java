package org.backendregistry.internal.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;

import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.SelectionChange;
import org.backendregistry.attention.select.SelectionSubscription;
import org.junit.jupiter.api.Test;

/** A subscriber is told of each change against the answer it had when it subscribed. */
class SubscriptionsTest {

    private static final AttentionSelectorConfig CONFIG = AttentionSelectorConfig.builder(48, "bfloat16").build();

    /** Runs nothing until told: a serial executor that is as late as a loaded machine can make it. */
    private final Queue<Runnable> late = new ArrayDeque<>();
    private final AtomicReference<String> answer = new AtomicReference<>("no valid backend");
    private final Subscriptions subscriptions = new Subscriptions(config -> {
        throw new IllegalStateException(answer.get());
    }, late::add, (level, line) -> { });

    private void runLateTasks() {
        while (!late.isEmpty()) {
            late.poll().run();
        }
    }

    @Test
    void aChangeRightAfterSubscribingIsToldEvenWhenTheExecutorRunsLate() {
        List<SelectionChange> changes = new ArrayList<>();
        try (SelectionSubscription subscription = subscriptions.subscribe(CONFIG, changes::add)) {
            answer.set("still no valid backend");
            subscriptions.changed("bundle started");

            runLateTasks();

            assertEquals(1, changes.size());
            assertEquals(Optional.of("still no valid backend"), changes.get(0).failure());
        }
    }

    @Test
    void twoChangesAreToldInOrderWhenEachIsComputedBeforeTheNext() {
        List<SelectionChange> changes = new ArrayList<>();
        try (SelectionSubscription subscription = subscriptions.subscribe(CONFIG, changes::add)) {
            answer.set("second");
            subscriptions.changed("first change");
            runLateTasks();
            answer.set("third");
            subscriptions.changed("second change");
            runLateTasks();
        }

        assertEquals(List.of(Optional.of("second"), Optional.of("third")),
                changes.stream().map(SelectionChange::failure).toList());
    }
}
