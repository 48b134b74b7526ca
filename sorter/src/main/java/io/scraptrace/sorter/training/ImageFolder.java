package io.scraptrace.sorter.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A plant's labelled camera frames as a folder with one sub-folder per grade code, each holding
 * PNG or JPEG files: {@code DIR/FE_HS/0001.png}. Files are read in name order.
 */
public final class ImageFolder {
    private ImageFolder() {
    }

    /** Read every image under {@code dir}. */
    public static LabelledImages read(Path dir) throws IOException {
        List<byte[]> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (Stream<Path> grades = Files.list(dir)) {
            for (Path gradeDir : grades.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(gradeDir)) {
                    for (Path file : files.filter(ImageFolder::isImage).sorted().toList()) {
                        images.add(Files.readAllBytes(file));
                        labels.add(gradeDir.getFileName().toString());
                    }
                }
            }
        }
        if (images.isEmpty()) {
            throw new IOException(dir + " has no GRADE/*.png or GRADE/*.jpg images");
        }
        return new LabelledImages(images, labels, "image folder: " + dir.toAbsolutePath().normalize() + ", " + images.size() + " images");
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}
