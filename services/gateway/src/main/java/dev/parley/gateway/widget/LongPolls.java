package dev.parley.gateway.widget;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The HTTP-fallback polls waiting on this replica, so shutdown can answer them at once instead of after 25 s. */
final class LongPolls {

    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();

    /** {@code answerEmpty} completes the poll with no events (a no-op when it completed already). */
    void add(Runnable answerEmpty) {
        waiting.add(answerEmpty);
    }

    void remove(Runnable answerEmpty) {
        waiting.remove(answerEmpty);
    }

    int size() {
        return waiting.size();
    }

    /** Answers every waiting poll with no events; their widgets poll again (another replica, after a restart). */
    void releaseAll() {
        for (Runnable answer : waiting) {
            answer.run();
        }
        waiting.clear();
    }
}
