package dev.parley.runtime.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled versions by version id, least recently used dropped beyond {@code capacity}. A version is loaded once even
 * when many turns ask for it at the same moment; a failed or empty load is not cached, so the next ask tries again.
 */
final class CompiledVersions {

    private final int capacity;
    private final Map<String, LoadedBot> lru;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<LoadedBot>>> loading = new ConcurrentHashMap<>();

    CompiledVersions(int capacity) {
        this.capacity = capacity;
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LoadedBot> eldest) {
                return size() > CompiledVersions.this.capacity;
            }
        };
    }

    /** The cached version, else what {@code loader} gives (cached when present). */
    Optional<LoadedBot> get(String versionId, Supplier<Optional<LoadedBot>> loader) {
        Optional<LoadedBot> cached = cached(versionId);
        if (cached.isPresent()) {
            return cached;
        }
        CompletableFuture<Optional<LoadedBot>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<LoadedBot>> running = loading.putIfAbsent(versionId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        try {
            Optional<LoadedBot> loaded = loader.get();
            loaded.ifPresent(this::put);
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(versionId, mine);
        }
    }

    synchronized Optional<LoadedBot> cached(String versionId) {
        return Optional.ofNullable(lru.get(versionId));
    }

    synchronized void put(LoadedBot bot) {
        lru.put(bot.versionId(), bot);
    }

    synchronized int size() {
        return lru.size();
    }
}
