package org.backendregistry.api;

/**
 * A kernel block size a backend supports: an exact size ({@code 16}) or vLLM's {@code MultipleOf(16)}.
 * As in vLLM (hybrid blocks), a framework block size fits either form when it is a multiple of the size;
 * the forms differ in which block size the kernel prefers.
 *
 * @param size       the size, at least 1
 * @param multipleOf whether any multiple of {@code size} is the kernel's own size too
 */
public record KernelBlockSize(int size, boolean multipleOf) implements java.io.Serializable {

    /** Any block size: vLLM's default {@code [MultipleOf(1)]}. */
    public static final KernelBlockSize ANY = multipleOf(1);

    /** @throws IllegalArgumentException when {@code size} is below 1 */
    public KernelBlockSize {
        if (size < 1) {
            throw new IllegalArgumentException("A kernel block size is at least 1, not " + size);
        }
    }

    /** @return the exact size {@code size} */
    public static KernelBlockSize exactly(int size) {
        return new KernelBlockSize(size, false);
    }

    /** @return vLLM's {@code MultipleOf(base)} */
    public static KernelBlockSize multipleOf(int base) {
        return new KernelBlockSize(base, true);
    }

    /** @return whether a framework block size of {@code blockSize} fits, as vLLM's {@code supports_block_size} */
    public boolean fits(int blockSize) {
        return blockSize % size == 0;
    }

    /** @return {@code 16} or {@code MultipleOf(16)} */
    @Override
    public String toString() {
        return multipleOf ? "MultipleOf(" + size + ")" : Integer.toString(size);
    }
}
