package dev.proctor.coco;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A COCO instances file: the images and categories evaluated and the ground-truth boxes. Image ids are kept sorted
 * and distinct and categories sorted by id, as COCOeval's {@code params.imgIds}/{@code catIds} are after
 * {@code np.unique}. Every category listed is evaluated, with or without boxes (COCOeval's {@code catIds} is
 * {@code getCatIds()}, all of {@code categories}). The reader ({@link dev.proctor.coco.io.CocoFiles}) refuses
 * duplicate ids and references to unknown images or categories; built by hand, annotations outside the lists are
 * left out as {@code getAnnIds(imgIds, catIds)} leaves them out.
 */
public record GroundTruth(List<Long> imageIds, List<Category> categories, List<Annotation> annotations) {
    public GroundTruth {
        imageIds = imageIds.stream().sorted().distinct().toList();
        categories = categories.stream().sorted(Comparator.comparingLong(Category::id)).toList();
        annotations = List.copyOf(annotations);
    }

    /** Whether {@code imageId} is one of the images. */
    public boolean hasImage(long imageId) {
        return Collections.binarySearch(imageIds, imageId) >= 0;
    }
}
