package dev.proctor.tasks.mmcu;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.datafiles.DataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MMCU's scoring units and where they are: {@code <root>/{dev,test}/<file>.xlsx}, {@code <root>} being the data
 * directory or its {@code data/} folder. Each sheet of {@code test/医疗.xlsx} is a unit of the 医疗 domain (named as
 * the sheet, as the script names its result files), all sharing {@code dev/医疗.xlsx}'s first sheet for few-shot
 * examples; every other file is one unit, read from its first sheet.
 */
final class MmcuUnits {
    static final String MEDICAL = "医疗";
    /** The four domains, in the README's order. */
    static final List<String> DOMAINS = List.of(MEDICAL, "法律", "心理", "教育");
    /** The single-sheet files and their domains, in the README's order. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("法律", "法律");
        FILES.put("心理", "心理");
        for (String s : List.of("语文", "数学", "物理", "化学", "政治", "历史", "地理", "生物")) {
            FILES.put("教育_" + s, "教育");
        }
    }

    private MmcuUnits() {
    }

    /**
     * The units whose test file is present: 医疗's sheets in workbook order, then the other files.
     *
     * @throws DataFormatException when no MMCU test file is present, or a 医疗 sheet is named as another unit
     */
    static List<Subject> present(Path dataDir) {
        Path root = DataDirs.splitRoot(dataDir, "mmcu");
        List<Subject> units = new ArrayList<>();
        Path medical = file(root, MEDICAL, Split.TEST);
        if (Files.isRegularFile(medical)) {
            for (String sheet : Workbooks.sheetNames(medical)) {
                if (FILES.containsKey(sheet)) {
                    throw new DataFormatException(medical, 0, "expected 医疗's sheets to be named unlike MMCU's other"
                            + " subjects, found a sheet '" + sheet + "'");
                }
                units.add(new Subject(sheet, sheet, List.of(MEDICAL)));
            }
        }
        FILES.forEach((name, domain) -> {
            if (Files.isRegularFile(file(root, name, Split.TEST))) {
                units.add(new Subject(name, name, List.of(domain)));
            }
        });
        if (units.isEmpty()) {
            throw new DataFormatException(root, 0, "expected MMCU test files such as test/" + MEDICAL + ".xlsx or"
                    + " test/法律.xlsx, found none of its 11 files");
        }
        return units;
    }

    /** The workbook of a unit's split: its own file, or 医疗.xlsx for a 医疗 sheet. */
    static Path file(Path dataDir, Subject subject, Split split) {
        if (split == Split.VAL) {
            throw new UnknownNameException("mmcu split", split.id(), List.of(Split.DEV.id(), Split.TEST.id()));
        }
        return file(DataDirs.splitRoot(dataDir, "mmcu"), isMedical(subject) ? MEDICAL : subject.name(), split);
    }

    /** The sheet a unit's split is read from; null for the first sheet (every dev file, every other test file). */
    static String sheet(Subject subject, Split split) {
        return split == Split.TEST && isMedical(subject) ? subject.name() : null;
    }

    private static boolean isMedical(Subject subject) {
        return !FILES.containsKey(subject.name());
    }

    private static Path file(Path root, String name, Split split) {
        return root.resolve(split.id()).resolve(name + ".xlsx");
    }
}
