package dev.proctor.model.search.lexical;

import dev.proctor.api.NamedChoice;
import dev.proctor.api.ProctorException;
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

    /** The default for a corpus language: English stemming for {@code en}, word segmentation for {@code zh}. */
    public static AnalyzerChoice forLanguage(String language) {
        return switch (language) {
            case "en" -> ENGLISH;
            case "zh" -> SMARTCN;
            default -> throw new ProctorException("no default BM25 analyzer for language '" + language
                    + "'; choose one with --model-arg analyzer=standard|english|smartcn");
        };
    }

    public static AnalyzerChoice of(String id) {
        return NamedChoice.lookup(AnalyzerChoice.class, "analyzer", id);
    }
}
