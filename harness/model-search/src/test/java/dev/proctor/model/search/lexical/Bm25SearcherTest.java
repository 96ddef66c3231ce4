package dev.proctor.model.search.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.request.Passage;
import dev.proctor.model.search.vector.ScoredDoc;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25SearcherTest {
    static final List<Passage> CORPUS = List.of(
            new Passage("a", "Cooking", "Bread rises because yeast produces carbon dioxide."),
            new Passage("b", "Networks", "The TCP handshake uses SYN and ACK packets."),
            new Passage("c", "", "A zeppelin is a rigid airship named after Ferdinand von Zeppelin."),
            new Passage("d", "Cooking again", "Yeast, flour, water and salt make a basic bread dough."));

    @Test
    void theOnlyDocumentWithAnExactRareTermRanksFirst() {
        try (Bm25Searcher bm25 = Bm25Searcher.build(CORPUS, AnalyzerChoice.ENGLISH, Bm25Params.DEFAULTS)) {
            List<ScoredDoc> hits = bm25.search("zeppelin history", 10);
            assertEquals(1, hits.size(), "no other document shares a term: " + hits);
            assertEquals(2, hits.get(0).doc());
            List<ScoredDoc> syn = bm25.search("what is a SYN packet", 10);
            assertEquals(1, syn.get(0).doc(), syn.toString());
        }
    }

    @Test
    void titleIsIndexedWithTheText() {
        try (Bm25Searcher bm25 = Bm25Searcher.build(CORPUS, AnalyzerChoice.ENGLISH, Bm25Params.DEFAULTS)) {
            assertEquals(1, bm25.search("networks", 10).get(0).doc(), "'networks' appears only in b's title");
        }
    }

    @Test
    void scoresFollowBm25WithLucenesFormula() {
        // one term in one document of four: idf = ln(1 + (4 - 1 + 0.5) / (1 + 0.5)); the term part
        // tf / (tf + k1 (1 - b + b dl / avgdl)) with tf = 2 ("zeppelin" twice), dl = 9 analysed terms of c
        // (stop words removed), avgdl over the four documents; Lucene encodes dl in one byte (exact below 40)
        try (Bm25Searcher bm25 = Bm25Searcher.build(CORPUS, AnalyzerChoice.ENGLISH, Bm25Params.DEFAULTS)) {
            double idf = Math.log(1 + (4 - 1 + 0.5) / (1 + 0.5));
            double[] lengths = CORPUS.stream().mapToDouble(d -> bm25.terms(d.contents()).size()).toArray();
            double avgdl = java.util.Arrays.stream(lengths).sum() / lengths.length;
            double tf = 2;
            double expected = idf * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * lengths[2] / avgdl));
            assertEquals(expected, bm25.search("zeppelin", 1).get(0).score(), 1e-5);
        }
    }

    @Test
    void stopWordOnlyQueryFindsNothing() {
        try (Bm25Searcher bm25 = Bm25Searcher.build(CORPUS, AnalyzerChoice.ENGLISH, Bm25Params.DEFAULTS)) {
            assertTrue(bm25.search("the and of", 10).isEmpty());
        }
    }

    @Test
    void chineseAnalyzerSegmentsWords() {
        List<Passage> corpus = List.of(
                new Passage("z1", "", "长江是中国最长的河流。"),
                new Passage("z2", "", "大熊猫主要吃竹子。"));
        try (Bm25Searcher bm25 = Bm25Searcher.build(corpus, AnalyzerChoice.SMARTCN, Bm25Params.DEFAULTS)) {
            List<String> terms = bm25.terms("长江是中国最长的河流");
            assertTrue(terms.contains("长江") && terms.contains("中国") && terms.contains("河流"), terms.toString());
            assertTrue(terms.size() >= 4 && terms.stream().allMatch(t -> t.length() <= 3), terms.toString());
            assertEquals(1, bm25.search("熊猫吃什么", 10).get(0).doc());
        }
        try (Bm25Searcher standard = Bm25Searcher.build(corpus, AnalyzerChoice.STANDARD, Bm25Params.DEFAULTS)) {
            // the standard analyzer cuts Chinese into single characters: the reason the analyzer is per language
            assertTrue(standard.terms("长江是中国最长的河流").stream().allMatch(t -> t.length() == 1));
        }
    }
}
