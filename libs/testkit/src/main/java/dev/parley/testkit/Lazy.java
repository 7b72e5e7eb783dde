package dev.parley.testkit;

import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread gets there first; a failure is retried next time. */
final class Lazy<T> {

    private final Supplier<T> supplier;

    private volatile T value;

    Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    T get() {
        T result = this.value;
        if (result == null) {
            synchronized (this) {
                result = this.value;
                if (result == null) {
                    result = this.supplier.get();
                    this.value = result;
                }
            }
        }
        return result;
    }

}
