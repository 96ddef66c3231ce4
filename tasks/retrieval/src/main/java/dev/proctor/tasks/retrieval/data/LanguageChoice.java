package dev.proctor.tasks.retrieval.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A dataset's language and where it came from, recorded because it picks the analyzer and the default encoder:
 * the command line, the dataset's {@code dataset.json}, or, for a plain BEIR folder, the share of CJK ideographs
 * among the corpus's letters.
 *
 * @param language the language
 * @param source   how it was chosen, in words
 */
public record LanguageChoice(Language language, String source) {

    static LanguageChoice resolve(Optional<Language> requested, Optional<Language> declared, List<Document> corpus) {
        if (requested.isPresent()) {
            return new LanguageChoice(requested.get(), "--language");
        }
        if (declared.isPresent()) {
            return new LanguageChoice(declared.get(), DatasetMetadata.FILE);
        }
        double share = Language.cjkShare(corpus.stream().map(Document::contents).toList());
        Language detected = share > Language.CJK_SHARE_FOR_ZH ? Language.ZH : Language.EN;
        return new LanguageChoice(detected, String.format(Locale.ROOT,
                "detected: %.1f%% of the corpus's letters are CJK ideographs (zh above %.0f%%)", 100 * share,
                100 * Language.CJK_SHARE_FOR_ZH));
    }
}
