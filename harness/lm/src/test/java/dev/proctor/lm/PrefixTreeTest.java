package dev.proctor.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prefix tree of token sequences, against brute force. */
class PrefixTreeTest {

    @Test
    void itsTokensAreTheDistinctNonEmptyPrefixes() {
        Random random = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            List<int[]> sequences = randomSequences(random);
            Set<List<Integer>> prefixes = new HashSet<>();
            for (int[] s : sequences) {
                for (int end = 1; end <= s.length; end++) {
                    prefixes.add(Arrays.stream(s, 0, end).boxed().toList());
                }
            }
            assertEquals(prefixes.size(), PrefixTree.tokens(sequences), "trial " + trial);
        }
    }

    @Test
    void eachSequenceIsAPathOfNodesHoldingItsWantedPairs() {
        Random random = new Random(9);
        for (int trial = 0; trial < 50; trial++) {
            SequencePool pool = new SequencePool();
            List<int[]> distinct = new ArrayList<>();
            for (int[] s : randomSequences(random)) {
                int[] positions = random.ints(1 + random.nextInt(3), 0, s.length).toArray();
                pool.add(0, s, positions, random.ints(positions.length, 0, 9).toArray(), false);
                if (distinct.stream().noneMatch(d -> Arrays.equals(d, s))) {
                    distinct.add(s);
                }
            }
            List<SequencePool.Sequence> sequences = pool.seal();
            PrefixTree.Node root = PrefixTree.build(sequences);
            List<int[]> paths = new ArrayList<>();
            long[] nodeTokens = {0};
            walk(root, new int[0], paths, nodeTokens);
            assertEquals(PrefixTree.tokens(distinct), nodeTokens[0], "every distinct prefix in exactly one node");
            for (SequencePool.Sequence s : sequences) {
                assertTrue(paths.stream().anyMatch(p -> Arrays.equals(p, s.tokens())), "a path ends at each sequence");
                assertEquals(s.positions().length, count(root, s), "each wanted pair hangs on one node");
            }
        }
    }

    /** Checks that every node's wants lie inside it, and collects the token paths that end where a want does. */
    private static void walk(PrefixTree.Node node, int[] above, List<int[]> paths, long[] nodeTokens) {
        int[] here = concat(above, node.tokens());
        assertEquals(above.length, node.start, "a node starts where its parent ends");
        nodeTokens[0] += node.length();
        for (PrefixTree.Want w : node.wants) {
            assertTrue(w.position() >= node.start && w.position() < node.start + node.length());
            assertArrayEquals(Arrays.copyOf(w.sequence().tokens(), w.position() + 1), Arrays.copyOf(here,
                    w.position() + 1), "a want sits on its own sequence's path");
        }
        paths.add(here);
        node.children.forEach(c -> walk(c, here, paths, nodeTokens));
    }

    private static int count(PrefixTree.Node node, SequencePool.Sequence s) {
        int n = (int) node.wants.stream().filter(w -> w.sequence() == s).count();
        for (PrefixTree.Node c : node.children) {
            n += count(c, s);
        }
        return n;
    }

    /** Sequences over three tokens, so they share prefixes, repeat, and contain one another. */
    private static List<int[]> randomSequences(Random random) {
        List<int[]> out = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.add(random.ints(1 + random.nextInt(7), 0, 3).toArray());
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
