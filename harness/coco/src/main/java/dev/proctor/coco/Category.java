package dev.proctor.coco;

/** One entry of COCO's {@code categories}; the name is only for reports ("" when the file has none). */
public record Category(long id, String name) {
    public Category {
        name = name == null ? "" : name;
    }
}
