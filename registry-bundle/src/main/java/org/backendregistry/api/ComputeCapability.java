package org.backendregistry.api;

/**
 * A GPU compute capability, vLLM's {@code DeviceCapability}: {@code 9.0} for Hopper, {@code 10.0} for
 * Blackwell. Ordered by major, then minor.
 *
 * @param major the major version, at least 0
 * @param minor the minor version, at least 0
 */
public record ComputeCapability(int major, int minor) implements Comparable<ComputeCapability>, java.io.Serializable {

    /** The lowest capability: a range starting here has no lower bound. */
    public static final ComputeCapability MIN = new ComputeCapability(0, 0);
    /** The highest capability: a range ending here has no upper bound. */
    public static final ComputeCapability MAX = new ComputeCapability(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** @throws IllegalArgumentException when a part is negative */
    public ComputeCapability {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("A compute capability is major.minor with non-negative parts, not "
                    + major + "." + minor);
        }
    }

    /** @return the capability {@code major.minor} */
    public static ComputeCapability of(int major, int minor) {
        return new ComputeCapability(major, minor);
    }

    /**
     * @param text {@code 9.0}, {@code 10.0}, or vLLM's integer form {@code 90}, {@code 100}
     * @return the capability
     * @throws IllegalArgumentException saying the expected form when {@code text} is neither
     */
    public static ComputeCapability parse(String text) {
        String trimmed = text.trim();
        try {
            int dot = trimmed.indexOf('.');
            if (dot >= 0) {
                return of(Integer.parseInt(trimmed.substring(0, dot)), Integer.parseInt(trimmed.substring(dot + 1)));
            }
            int value = Integer.parseInt(trimmed);
            return of(value / 10, value % 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a compute capability: '" + text
                    + "'. Write major.minor, e.g. 9.0 or 10.0", e);
        }
    }

    @Override
    public int compareTo(ComputeCapability other) {
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    /** @return {@code 9.0}; {@code max} for {@link #MAX} */
    @Override
    public String toString() {
        return equals(MAX) ? "max" : major + "." + minor;
    }
}
