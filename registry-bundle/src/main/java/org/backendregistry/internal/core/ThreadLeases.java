package org.backendregistry.internal.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The leases one thread holds, counted per provider object: written only by that thread (no shared
 * counter, so taking a lease scales with threads), read by a departure that waits for them. A lease
 * count is stored with volatile semantics before the taker re-checks that the object still serves, and a
 * departure unpublishes the object before it reads the counts: either the departure sees the lease or
 * the taker sees the departure. A slot keeps the count object of its last provider (never the provider's
 * object) until the thread leases another one.
 */
final class ThreadLeases {

    private static final VarHandle HELD = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(LeaseCount[].class);
    /** every thread that ever took a lease, weakly: read by departures only */
    private static final Map<Thread, ThreadLeases> ALL = Collections.synchronizedMap(new WeakHashMap<>());
    private static final ThreadLocal<ThreadLeases> MINE = ThreadLocal.withInitial(ThreadLeases::register);

    private volatile LeaseCount[] keys = new LeaseCount[2];
    private volatile int[] held = new int[2];

    private static ThreadLeases register() {
        ThreadLeases mine = new ThreadLeases();
        ALL.put(Thread.currentThread(), mine);
        return mine;
    }

    /** @return the current thread's leases */
    static ThreadLeases current() {
        return MINE.get();
    }

    /**
     * Counts one more lease on {@code count}; call on the owning thread, which alone picks slots.
     *
     * @return its slot, for {@link #closed}
     */
    int opened(LeaseCount count) {
        LeaseCount[] k = keys;
        int[] h = held;
        int slot = -1;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == count) {
                slot = i;
                break;
            }
            if (slot < 0 && (int) HELD.getVolatile(h, i) == 0) {
                slot = i; // free, or left by a provider whose leases here are all closed
            }
        }
        if (slot < 0) {
            slot = grow();
        }
        if (keys[slot] != count) {
            KEYS.setVolatile(keys, slot, count);
        }
        HELD.getAndAdd(held, slot, 1);
        return slot;
    }

    /** Counts one lease fewer in {@code slot}; atomic, so that a lease closed on another thread counts too. */
    void closed(int slot) {
        HELD.getAndAdd(held, slot, -1);
    }

    private int grow() {
        int size = keys.length;
        // the counts first: a reader that sees a key in the new array finds its count there too
        held = Arrays.copyOf(held, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
        return size;
    }

    /** @return how many leases this thread holds on {@code count} */
    int heldOn(LeaseCount count) {
        LeaseCount[] k = keys;
        int[] h = held;
        int sum = 0;
        for (int i = 0; i < Math.min(k.length, h.length); i++) {
            if (KEYS.getVolatile(k, i) == count) {
                sum += (int) HELD.getVolatile(h, i);
            }
        }
        return sum;
    }

    /** @return the leases open on {@code count}, over all threads */
    static int open(LeaseCount count) {
        int open = 0;
        synchronized (ALL) {
            for (ThreadLeases leases : ALL.values()) {
                open += leases.heldOn(count);
            }
        }
        return open;
    }

    /** @return the names of the threads that hold leases on {@code count} */
    static List<String> holders(LeaseCount count) {
        List<String> names = new ArrayList<>();
        synchronized (ALL) {
            ALL.forEach((thread, leases) -> {
                if (leases.heldOn(count) > 0) {
                    names.add(thread.getName());
                }
            });
        }
        return names;
    }
}
