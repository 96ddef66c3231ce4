package dev.proctor.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The radix tree of a set of token sequences: each node is a run of tokens its sequences share, so running the nodes
 * root to leaf, each after its parent's cached keys and values, computes every distinct prefix once. Each node holds
 * the (position, target) pairs of its sequences that fall inside it.
 *
 * <p>It is built from the sequences sorted lexicographically: a sequence shares with the whole tree exactly what it
 * shares with its sorted predecessor (the longest common prefix, LCP), so one pass with the previous sequence's path
 * on a stack builds it. The number of tokens in the tree is {@code sum(length) - sum(LCP of sorted neighbours)}.
 */
final class PrefixTree {
    private PrefixTree() {
    }

    /** A wanted pair: the {@code pair}-th (position, target) of {@code sequence}. */
    record Want(SequencePool.Sequence sequence, int pair, int position, int target) {
    }

    /** A run of shared tokens: positions {@code [start, end)} of {@code source}. */
    static final class Node {
        private final int[] source;
        final int start;
        private int end;
        final List<Node> children = new ArrayList<>();
        final List<Want> wants = new ArrayList<>();

        private Node(int[] source, int start, int end) {
            this.source = source;
            this.start = start;
            this.end = end;
        }

        int length() {
            return end - start;
        }

        int[] tokens() {
            return Arrays.copyOfRange(source, start, end);
        }

        /** Moves positions {@code [at, end)} into a new only child. */
        private void split(int at) {
            Node lower = new Node(source, at, end);
            lower.children.addAll(children);
            children.clear();
            children.add(lower);
            List<Want> kept = new ArrayList<>();
            for (Want w : wants) {
                (w.position() >= at ? lower.wants : kept).add(w);
            }
            wants.clear();
            wants.addAll(kept);
            end = at;
        }
    }

    /** The tree's root (no tokens of its own); its children are the runs that start each sequence. */
    static Node build(List<SequencePool.Sequence> sequences) {
        List<SequencePool.Sequence> sorted = new ArrayList<>(sequences);
        sorted.sort(Comparator.comparing(SequencePool.Sequence::tokens, Arrays::compare));
        Node root = new Node(new int[0], 0, 0);
        List<Node> path = new ArrayList<>(); // the previous sequence's nodes below the root, top last
        int[] previous = new int[0];
        for (SequencePool.Sequence s : sorted) {
            int[] tokens = s.tokens();
            int shared = commonPrefix(previous, tokens);
            while (!path.isEmpty() && path.get(path.size() - 1).start >= shared) {
                path.remove(path.size() - 1);
            }
            Node parent = path.isEmpty() ? root : path.get(path.size() - 1);
            if (parent.end > shared) {
                parent.split(shared);
            }
            Node leaf = new Node(tokens, shared, tokens.length);
            parent.children.add(leaf);
            path.add(leaf);
            int[] positions = s.positions();
            int[] targets = s.targets();
            for (int j = 0; j < positions.length; j++) {
                nodeAt(path, positions[j]).wants.add(new Want(s, j, positions[j], targets[j]));
            }
            previous = tokens;
        }
        return root;
    }

    /** Tokens in the tree of these sequences: every distinct prefix once. */
    static long tokens(List<int[]> sequences) {
        List<int[]> sorted = new ArrayList<>(sequences);
        sorted.sort(Arrays::compare);
        long total = 0;
        int[] previous = new int[0];
        for (int[] s : sorted) {
            total += s.length - commonPrefix(previous, s);
            previous = s;
        }
        return total;
    }

    private static Node nodeAt(List<Node> path, int position) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).start <= position) {
                return path.get(i);
            }
        }
        throw new IllegalArgumentException("position " + position + " outside its sequence");
    }

    private static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }
}
