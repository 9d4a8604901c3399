package dev.keywarden.assets;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The manifest beside the README's screenshots ({@code assets/screenshots/MANIFEST}): the fingerprint of the look
 * they were taken with (every stylesheet of the console, and the versions of the theme and icon libraries in the
 * POM), then each PNG with its size. {@code ScreenshotAssetsTest} compares it with the sources and the files, so a
 * change of the look fails the build until {@code assets/screenshots/update.sh} has taken them again.
 * Needs only the JDK: the update script runs it as a single-file program ({@code java ScreenshotManifest.java write}).
 */
public final class ScreenshotManifest {
    public static final Path FOLDER = Path.of("assets", "screenshots");
    public static final Path FILE = FOLDER.resolve("MANIFEST");
    /** What the README shows, in this order; the UI tests save each under target/screenshots. */
    public static final List<String> SHOWN = List.of("main-light.png", "main-dark.png", "leak-finder.png", "bulk-plan.png", "all-keys.png",
            "rotate-dialog.png");
    private static final Path STYLES = Path.of("src", "main", "resources", "dev", "keywarden", "ui");
    private static final Pattern LIBRARY = Pattern.compile("<(atlantafx|ikonli|javafx|controlsfx)\\.version>([^<]+)<");

    private ScreenshotManifest() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("write")) {
            Files.writeString(FILE, expected(), StandardCharsets.UTF_8);
            System.out.println("Wrote " + FILE);
        } else {
            System.out.print(expected());
        }
    }

    /** The manifest the sources and the PNGs in the folder call for now. */
    public static String expected() throws IOException {
        StringBuilder text = new StringBuilder("# Written by assets/screenshots/update.sh; checked by ScreenshotAssetsTest.\n");
        text.append("look ").append(lookFingerprint()).append('\n');
        for (String name : SHOWN) {
            Path png = FOLDER.resolve(name);
            text.append(name).append(' ').append(Files.exists(png) ? size(png) : "missing").append('\n');
        }
        return text.toString();
    }

    /** SHA-256 over every stylesheet of the console (path and bytes) and the look's library versions. */
    public static String lookFingerprint() throws IOException {
        return lookFingerprint(Path.of(""));
    }

    /** The same, of the sources under {@code root} (the project's folder). */
    public static String lookFingerprint(Path root) throws IOException {
        Path styles = root.resolve(STYLES);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> sheets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(styles)) {
            files.filter(file -> file.toString().endsWith(".css")).sorted().forEach(sheets::add);
        }
        for (Path sheet : sheets) {
            digest.update(styles.relativize(sheet).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            // Line endings do not change the look (a checkout on Windows may turn them into CRLF).
            digest.update(Files.readString(sheet, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        }
        Matcher versions = LIBRARY.matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
        while (versions.find()) {
            digest.update((versions.group(1) + "=" + versions.group(2)).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Width x height, read from the PNG's header. */
    static String size(Path png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "unreadable";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getWidth(0) + "x" + reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
