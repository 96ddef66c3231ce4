package dev.proctor.tasks.retrieval.search;

import dev.proctor.api.NamedChoice;
import dev.proctor.tasks.retrieval.data.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The Lucene analyzers BM25 can use; each dataset language has a default. */
public enum AnalyzerChoice implements NamedChoice {
    /** Unicode word segmentation and lower-casing, no stop words, no stemming. */
    STANDARD("standard", "StandardAnalyzer (UAX#29 words, lower-case, no stop words)"),
    /** Standard tokens, possessives removed, lower-case, English stop words, Porter stemming (Anserini's default). */
    ENGLISH("english", "EnglishAnalyzer (lower-case, English stop words, Porter stemming)"),
    /** Hidden-Markov-model word segmentation of Simplified Chinese with its stop words; English words Porter-stemmed. */
    SMARTCN("smartcn", "SmartChineseAnalyzer (HMM word segmentation, default stop words)");

    private final String id;
    private final String description;

    AnalyzerChoice(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Analyzer create() {
        return switch (this) {
            case STANDARD -> new StandardAnalyzer();
            case ENGLISH -> new EnglishAnalyzer();
            case SMARTCN -> new SmartChineseAnalyzer();
        };
    }

    public static AnalyzerChoice forLanguage(Language language) {
        return switch (language) {
            case EN -> ENGLISH;
            case ZH -> SMARTCN;
        };
    }

    public static AnalyzerChoice of(String id) {
        return NamedChoice.lookup(AnalyzerChoice.class, "analyzer", id);
    }
}
