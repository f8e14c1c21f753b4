package org.backendregistry.internal.select;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.Selection;
import org.backendregistry.attention.select.SelectionChange;
import org.backendregistry.attention.select.SelectionListener;
import org.backendregistry.attention.select.SelectionSubscription;

/**
 * The subscribed configs. After each change (of the registry or of the settings) every subscription's
 * answer is computed again on one serial executor, and its listener is told when the answer differs —
 * so each listener hears of changes one at a time, in the order they happened, on no registry thread.
 * A subscription's first answer is the one when {@link #subscribe} returns, so a change made right after
 * is told even when the executor runs late; changes that undo each other before it runs may go untold.
 */
final class Subscriptions {

    private final Function<AttentionSelectorConfig, Selection> selector;
    private final Executor serial;
    private final BiConsumer<Level, String> log;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /**
     * @param selector answers a config, or throws why it cannot
     * @param serial   runs one task at a time, in submission order
     * @param log      where a listener's failure is reported
     */
    Subscriptions(Function<AttentionSelectorConfig, Selection> selector, Executor serial, BiConsumer<Level, String> log) {
        this.selector = selector;
        this.serial = serial;
        this.log = log;
    }

    SelectionSubscription subscribe(AttentionSelectorConfig config, SelectionListener listener) {
        Subscription subscription = new Subscription(config, listener);
        // computed here, not on the executor: a late executor would take a later answer for the first one
        // and never tell the change in between. Adding to the list publishes it to the executor's tasks.
        subscription.last = outcome(config);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Computes every answer again, after {@code cause}, and tells the listeners whose answer changed. */
    void changed(String cause) {
        serial.execute(() -> subscriptions.forEach(subscription -> subscription.recheck(cause)));
    }

    private Outcome outcome(AttentionSelectorConfig config) {
        try {
            return new Outcome(Optional.of(selector.apply(config)), Optional.empty());
        } catch (RuntimeException failure) {
            return new Outcome(Optional.empty(), Optional.of(String.valueOf(failure.getMessage())));
        }
    }

    private record Outcome(Optional<Selection> selection, Optional<String> failure) {
        boolean sameAs(Outcome other) {
            return selection.isPresent() ? other.selection.filter(selection.get()::sameChoice).isPresent()
                    : other.selection.isEmpty() && failure.equals(other.failure);
        }
    }

    private final class Subscription implements SelectionSubscription {
        private final AttentionSelectorConfig config;
        private final SelectionListener listener;
        private Outcome last; // first set by subscribe before the list publishes it, then on the serial executor only

        Subscription(AttentionSelectorConfig config, SelectionListener listener) {
            this.config = config;
            this.listener = listener;
        }

        void recheck(String cause) {
            Outcome now = outcome(config);
            Outcome before = last;
            last = now;
            if (before == null || now.sameAs(before) || !subscriptions.contains(this)) {
                return;
            }
            try {
                listener.selectionChanged(new SelectionChange(config, before.selection(), now.selection(),
                        now.failure(), cause));
            } catch (RuntimeException e) {
                log.accept(Level.ERROR, "A selection listener failed on " + config + ": " + e);
            }
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
