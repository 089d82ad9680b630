package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Europarl corpus: the language filter on hand-picked sentences, the paragraph rule on a
 * hand-made body, and on the real file the document count that an independent one-line script
 * (Python, the same function-word list, threshold and paragraph rule) gave: 1,271 English documents of 17,597,
 * with 1,908 evaluation and 253 calibration paragraphs.
 */
class EuroparlCorpusTest {

    @Test
    void englishIsTellingApartFromTheOtherLanguages() {
        assertThat(EuroparlCorpus.isEnglish("We should remember that education and training are also the keys to Europe's competitiveness.")).isTrue();
        assertThat(EuroparlCorpus.isEnglish("Ich freue mich sehr, daß Herr Bertens hier ist, denn er hat auch an der Aussprache teilgenommen.")).isFalse();
        assertThat(EuroparlCorpus.isEnglish("Invitiamo dunque la Commissione a sottoporre nuove proposte intese a combattere la discriminazione.")).isFalse();
        assertThat(EuroparlCorpus.isEnglish("Den Europæiske Union og Republikken Moldova om de generelle principper for deltagelse.")).isFalse();
        assertThat(EuroparlCorpus.isEnglish("")).isFalse();
    }

    @Test
    void paragraphsDropTheCutFirstPieceAndKeepTheLengthRange() {
        String p1 = "This is the first whole paragraph of the document, long enough to be kept because it has more than one hundred characters.";
        String shortOne = "Thank you.";
        String p2 = "And a second paragraph,   no: this one is split by the runs of spaces as well, so only its second part is a whole paragraph of its own here.";
        List<String> got = EuroparlCorpus.paragraphs("cut in the middle of a sentence.   " + p1 + "   " + shortOne + "    " + p2);
        assertThat(got).containsExactly(p1, "no: this one is split by the runs of spaces as well, so only its second part is a whole paragraph of its own here.");
    }

    @Test
    void theSampleHasItsEnglishDocumentsAndTheSplitIsDisjointByDocument() throws Exception {
        List<EuroparlCorpus.Document> docs = EuroparlCorpus.englishDocuments();
        assertThat(docs).hasSize(1271);
        EuroparlCorpus.Split split = EuroparlCorpus.split();
        assertThat(split.documents()).isEqualTo(1271);
        int calibration = 0, evaluation = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (i % 8 == 7) calibration += docs.get(i).paragraphs().size();
            else evaluation += docs.get(i).paragraphs().size();
        }
        assertThat(split.calibration()).hasSize(calibration).hasSize(253); // 253 and 1,908: the same independent script
        assertThat(split.evaluation()).hasSize(evaluation).hasSize(1908);
        assertThat(evaluation).as("evaluation paragraphs: thousands of retrieval queries").isGreaterThan(1500);
        Set<String> cal = new HashSet<>(split.calibration());
        assertThat(split.evaluation()).noneMatch(cal::contains);
        for (String p : split.evaluation()) assertThat(p.length()).isBetween(100, 600);
    }
}
