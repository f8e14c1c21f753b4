package org.backendregistry.internal.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which providers each thread holds leases on, so that a departure never waits for a lease of the very
 * thread that makes it (a bundle stopped from inside a call), and a departure that timed out can name
 * the threads it waited for. Per thread a plain JDK deque: nothing of the registry or of a backend stays
 * referenced from a thread once its leases are closed.
 */
final class LeaseHolders {

    /** every thread's deque, read only to name the holders of a drain that timed out */
    private static final Map<Thread, ArrayDeque<Object>> ALL = Collections.synchronizedMap(new WeakHashMap<>());
    private static final ThreadLocal<ArrayDeque<Object>> MINE = ThreadLocal.withInitial(() -> {
        ArrayDeque<Object> held = new ArrayDeque<>(4);
        ALL.put(Thread.currentThread(), held);
        return held;
    });

    private LeaseHolders() {
    }

    /** @return the current thread's deque, to hand back to {@link #returned} */
    static ArrayDeque<Object> taken(LeaseCount count) {
        ArrayDeque<Object> held = MINE.get();
        held.addLast(count);
        return held;
    }

    /** Forgets one lease of the current thread; leases closed in any order are found. */
    static void returned(ArrayDeque<Object> held, LeaseCount count) {
        if (held.peekLast() == count) {
            held.pollLast();
        } else {
            held.removeLastOccurrence(count);
        }
    }

    /** @return how many leases on {@code count} the current thread holds */
    static int heldByCurrentThread(LeaseCount count) {
        int mine = 0;
        for (Object held : MINE.get()) {
            if (held == count) {
                mine++;
            }
        }
        return mine;
    }

    /** @return the names of the threads that hold leases on {@code count}, as far as can be seen from here */
    static List<String> holders(LeaseCount count) {
        List<String> names = new ArrayList<>();
        synchronized (ALL) {
            ALL.forEach((thread, held) -> {
                Object[] snapshot;
                try {
                    snapshot = held.toArray(); // another thread's deque: a racy read, good enough to name it
                } catch (RuntimeException changing) {
                    return;
                }
                for (Object lease : snapshot) {
                    if (lease == count) {
                        names.add(thread.getName());
                        return;
                    }
                }
            });
        }
        return names;
    }
}
