package io.scraptrace.sorter.training;

import io.scraptrace.sorter.evaluation.ClassMetrics;
import io.scraptrace.sorter.evaluation.Evaluation;
import io.scraptrace.sorter.model.ModelManifest;
import java.util.Locale;

/** Writes MODEL_CARD.md: what the model is, the data it saw, how it was trained and how it scored. */
final class ModelCard {
    private ModelCard() {
    }

    static String render(ModelManifest manifest, String architecture, TrainingOptions options, Examples.Split split,
                         int skipped, Evaluation holdout) {
        StringBuilder card = new StringBuilder();
        card.append("# Model card: ").append(manifest.version()).append("\n\n");
        card.append("- Kind: ").append(manifest.kind().id()).append(" grade classifier (").append(architecture).append(")\n");
        card.append("- Created: ").append(manifest.createdAt()).append(" with ").append(manifest.engine()).append('\n');
        card.append("- Labels: the ").append(holdout.labels().size()).append(" grades of the catalogue, in labels.json order\n\n");
        card.append("## Data\n\n");
        for (String source : manifest.data().split(FloorLabels.SOURCES_SEPARATOR)) {
            card.append("- Source: ").append(source).append('\n');
        }
        card.append(String.format(Locale.ROOT, "- Rows: %d training, %d held out (20%%, seeded shuffle), %d skipped as unscorable%n",
                split.train().rows(), split.holdout().rows(), skipped));
        card.append("- Training rows per grade:");
        int[] counts = new int[holdout.labels().size()];
        for (int y : split.train().y()) {
            counts[y]++;
        }
        for (int i = 0; i < counts.length; i++) {
            card.append(' ').append(holdout.labels().get(i)).append('=').append(counts[i]);
        }
        card.append("\n\n## Training\n\n");
        card.append(String.format(Locale.ROOT, "- %d epochs, batch %d, Adam lr %s, softmax cross-entropy, seed %d%n",
                options.epochs(), options.batchSize(), options.learningRate(), options.seed()));
        card.append("\n## Held-out evaluation\n\n");
        card.append(String.format(Locale.ROOT, "- Accuracy %.4f, macro-F1 %.4f, expected calibration error %.4f%n%n",
                holdout.accuracy(), holdout.macroF1(), holdout.ece()));
        card.append("| grade | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        for (ClassMetrics m : holdout.perClass()) {
            card.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n",
                    m.label(), m.precision(), m.recall(), m.f1(), m.support()));
        }
        card.append("\n## Intended use and limits\n\n");
        card.append("Grades single readings on a sorting line. Readings from stations without composition "
                + "(XRT, magnetic, weighbridge) carry little grade information: expect low confidence and "
                + "UNCERTAIN for them. Retrain on a plant's own labelled data before trusting it there.\n");
        return card.toString();
    }
}
