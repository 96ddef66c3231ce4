package dev.proctor.model.search.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the k best (score, doc) pairs in a binary min-heap. Among equal scores the lower doc index wins, so the
 * result does not depend on visiting order.
 */
final class TopK {
    private final int k;
    private final int[] docs;
    private final float[] scores;
    private int size;

    TopK(int k) {
        this.k = k;
        this.docs = new int[k];
        this.scores = new float[k];
    }

    void offer(int doc, float score) {
        if (k == 0) {
            return;
        }
        if (size < k) {
            docs[size] = doc;
            scores[size] = score;
            up(size++);
        } else if (better(doc, score, docs[0], scores[0])) {
            docs[0] = doc;
            scores[0] = score;
            down(0);
        }
    }

    /** Best first. */
    List<ScoredDoc> sorted() {
        ScoredDoc[] out = new ScoredDoc[size];
        for (int i = 0; i < size; i++) {
            out[i] = new ScoredDoc(docs[i], scores[i]);
        }
        Arrays.sort(out, (a, b) -> better(a.doc(), a.score(), b.doc(), b.score()) ? -1
                : better(b.doc(), b.score(), a.doc(), a.score()) ? 1 : 0);
        return new ArrayList<>(Arrays.asList(out));
    }

    private static boolean better(int docA, float a, int docB, float b) {
        return a > b || (a == b && docA < docB);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(docs[parent], scores[parent], docs[i], scores[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int worst = i;
            for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                if (better(docs[worst], scores[worst], docs[c], scores[c])) {
                    worst = c;
                }
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int i, int j) {
        int d = docs[i];
        docs[i] = docs[j];
        docs[j] = d;
        float s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
    }
}
