package org.backendregistry.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.backendregistry.attention.select.AttentionSelectorConfig;
import org.backendregistry.attention.select.BackendSelector;
import org.backendregistry.itests.select.AnyHeadSizeCpuAttentionBundle;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * No stale answer: while threads select, the test starts and stops a CPU_ATTN override again and again.
 * A select begun after {@code start()} returned must answer with the override, one begun after
 * {@code stop()} returned with the default — never the other.
 */
@ExamReactorStrategy(PerClass.class)
public class StaleSelectionIT extends BackendRegistryTestSupport {

    private static final int CYCLES = 300;
    private static final int SELECTS_PER_PHASE = 500;
    private static final String DEFAULT_BUNDLE = "org.backendregistry.backends.cpu";
    private static final int SELECTING_THREADS = 2;
    private static final AttentionSelectorConfig CONFIG = AttentionSelectorConfig.builder(64, "bfloat16").build();

    @Inject
    private BackendSelector selector;

    @Configuration
    public Option[] configuration() {
        return options(baseConfiguration(), bundle(moduleJarUrl("selector")), AnyHeadSizeCpuAttentionBundle.built());
    }

    @Test
    public void noSelectBegunAfterADeployOrUndeployReturnedAnswersWithThePreviousProvider() throws Exception {
        Bundle override = install(AnyHeadSizeCpuAttentionBundle.JAR);
        // phase % 4: 0 the default serves CPU_ATTN, 1 the override is starting, 2 it serves, 3 it is stopping
        AtomicLong phase = new AtomicLong();
        AtomicLong selects = new AtomicLong();
        AtomicLong staleCount = new AtomicLong();
        AtomicLong checked = new AtomicLong();
        List<String> stale = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < SELECTING_THREADS; i++) {
            Thread thread = new Thread(() -> {
                while (done.getCount() > 0) {
                    long before = phase.get();
                    String answered = selector.select(CONFIG).provider().bundleSymbolicName();
                    long after = phase.get();
                    selects.incrementAndGet();
                    // a select begun after start() or stop() returned, and ended before the next began, has one right answer
                    String right = before % 4 == 0 ? DEFAULT_BUNDLE : AnyHeadSizeCpuAttentionBundle.SYMBOLIC_NAME;
                    if (before != after || before % 2 != 0) {
                        continue;
                    }
                    checked.incrementAndGet();
                    if (!answered.equals(right) && staleCount.incrementAndGet() <= 10) {
                        stale.add("phase " + before + ": expected " + right + ", answered " + answered);
                    }
                }
            }, "selecting-" + i);
            thread.start();
            threads.add(thread);
        }
        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                phase.incrementAndGet();
                override.start();
                phase.incrementAndGet();
                letThemSelect(selects);
                phase.incrementAndGet();
                override.stop();
                phase.incrementAndGet();
                letThemSelect(selects);
            }
        } finally {
            done.countDown();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(SETTLE_TIMEOUT_MS / 1000));
            }
        }
        System.out.println("StaleSelectionIT: " + selects.get() + " selects over " + CYCLES + " deploy/undeploy cycles, "
                + checked.get() + " of them within one phase, " + staleCount.get() + " stale");
        assertTrue("selects ran: " + selects.get(), selects.get() > CYCLES);
        assertEquals(List.of(), stale);
        assertEquals(0, staleCount.get());
    }

    /** Waits, without sleeping, until the selecting threads have answered a few hundred more times. */
    private static void letThemSelect(AtomicLong selects) {
        long target = selects.get() + SELECTS_PER_PHASE;
        while (selects.get() < target) {
            Thread.onSpinWait();
        }
    }
}
