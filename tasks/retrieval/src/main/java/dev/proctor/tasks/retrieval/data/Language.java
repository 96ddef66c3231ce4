package dev.proctor.tasks.retrieval.data;

import dev.proctor.api.NamedChoice;
import java.util.List;

/** The language of a dataset's text: it picks the BM25 analyzer and the default encoder. */
public enum Language implements NamedChoice {
    EN("en"),
    ZH("zh");

    /** Share of letters that are CJK ideographs above which a corpus is taken to be Chinese. */
    static final double CJK_SHARE_FOR_ZH = 0.3;

    private final String id;

    Language(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Language of(String id) {
        return NamedChoice.lookup(Language.class, "language", id);
    }

    /**
     * The language of a dataset folder's corpus, detected as {@link LanguageChoice} does: Chinese when CJK ideographs
     * are more than {@link #CJK_SHARE_FOR_ZH} of its letters.
     */
    public static Language detect(java.nio.file.Path datasetDir) {
        return LanguageChoice.resolve(java.util.Optional.empty(), java.util.Optional.empty(),
                BeirReader.readCorpus(datasetDir.resolve(BeirReader.CORPUS))).language();
    }

    /** The share of letters in the texts that are CJK ideographs (0 when there are no letters). */
    public static double cjkShare(List<String> texts) {
        long letters = 0;
        long cjk = 0;
        for (String text : texts) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    letters++;
                    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                        cjk++;
                    }
                }
            }
        }
        return letters == 0 ? 0 : (double) cjk / letters;
    }
}
