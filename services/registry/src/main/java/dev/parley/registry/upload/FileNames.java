package dev.parley.registry.upload;

import dev.parley.registry.api.RegistryErrorCodes;

import java.util.Locale;

/** Checks uploaded names: relative, no {@code ..}, no backslashes, drive letters or control characters. */
final class FileNames {

    static final int MAX_LENGTH = 512;

    private FileNames() {
    }

    /**
     * The name, checked; a trailing {@code /} (a zip folder) is kept.
     *
     * @throws UploadRefusedException {@link RegistryErrorCodes#UPLOAD_UNSAFE_NAME} naming the problem
     */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw unsafe(String.valueOf(name), "a file has no name");
        }
        if (name.length() > MAX_LENGTH) {
            throw unsafe(name.substring(0, 64) + "...", "a file name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\\' || c == ':' || c == '\u2028' || c == '\u2029') {
                throw unsafe(name, "file name '" + printable(name) + "' contains a control character, '\\' or ':'");
            }
        }
        if (name.startsWith("/")) {
            throw unsafe(name, "file name '" + name + "' is absolute; names must be relative");
        }
        String withoutTrailingSlash = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : withoutTrailingSlash.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw unsafe(name, "file name '" + name + "' has an empty, '.' or '..' path segment");
            }
        }
        return name;
    }

    /** The part after the last {@code /}. */
    static String baseName(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Lower-case {@link #baseName}. */
    static String lowerBaseName(String name) {
        return baseName(name).toLowerCase(Locale.ROOT);
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static UploadRefusedException unsafe(String name, String message) {
        return UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_UNSAFE_NAME, message, printable(name));
    }
}
