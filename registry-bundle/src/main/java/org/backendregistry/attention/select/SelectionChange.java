package org.backendregistry.attention.select;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of the answer for one config.
 *
 * @param config   the subscribed config
 * @param previous the answer before, empty when selection failed
 * @param current  the answer now, empty when selection fails
 * @param failure  why selection fails now (the exception's message), empty when it does not
 * @param cause    the registry change that caused it, e.g. {@code FLASH_ATTN: now a/b.C (was x/y.Z)}
 */
public record SelectionChange(AttentionSelectorConfig config, Optional<Selection> previous,
        Optional<Selection> current, Optional<String> failure, String cause) {

    /** All parameters are required. */
    public SelectionChange {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(cause, "cause");
    }

    /** @return {@code FLASH_ATTN (was CPU_ATTN) because ...}; {@code none} stands for a failing selection */
    @Override
    public String toString() {
        return current.map(Selection::name).orElse("none") + " (was " + previous.map(Selection::name).orElse("none")
                + ") because " + cause;
    }
}
