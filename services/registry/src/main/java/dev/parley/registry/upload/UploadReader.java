package dev.parley.registry.upload;

import dev.parley.registry.api.RegistryErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an upload request into a checked {@link Upload}: a multipart body with one or several files (or a single
 * zip), or a raw body (a zip, or one file named by {@code ?filename=} or {@code Content-Disposition}). Every limit of
 * {@link UploadProperties} is enforced here, before anything is parsed.
 */
@Component
public class UploadReader {

    /** Raw body types accepted besides {@code multipart/form-data}. */
    static final List<MediaType> RAW_TYPES = List.of(MediaType.valueOf("application/zip"),
            MediaType.valueOf("application/x-zip-compressed"), MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.APPLICATION_YAML, MediaType.valueOf("application/x-yaml"), MediaType.valueOf("text/yaml"),
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM);

    private final UploadProperties limits;
    private final ZipReader zips;

    UploadReader(UploadProperties limits) {
        this.limits = limits;
        this.zips = new ZipReader(limits);
    }

    /** Reads the request's files; {@code filename} is the {@code ?filename=} parameter, if any. */
    public Upload read(HttpServletRequest request, String filename) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            return fromParts(multipart.getMultiFileMap().values().stream().flatMap(List::stream).toList());
        }
        MediaType type = contentType(request);
        if (RAW_TYPES.stream().noneMatch(t -> t.equalsTypeAndSubtype(type))) {
            List<String> accepted = new ArrayList<>();
            accepted.add(MediaType.MULTIPART_FORM_DATA_VALUE);
            RAW_TYPES.forEach(t -> accepted.add(t.toString()));
            throw UploadRefusedException.unsupportedType(type.toString(), accepted);
        }
        byte[] body = readBody(request);
        String name = filename != null && !filename.isBlank() ? filename : dispositionName(request);
        boolean zipType = type.getSubtype().contains("zip");
        if (zipType || (name != null && ZipReader.isArchiveName(name)) || ZipReader.looksLikeZip(body)) {
            String zipName = name == null ? "upload.zip" : FileNames.check(name);
            return zip(zipName, body);
        }
        if (name == null) {
            throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_FILENAME_MISSING, "A " + type
                    + " body needs a file name: add ?filename=<name> or a Content-Disposition header with a filename,"
                    + " or upload it as multipart/form-data");
        }
        return files(List.of(new Part(FileNames.check(name), body)));
    }

    private Upload fromParts(List<MultipartFile> parts) {
        List<Part> files = new ArrayList<>();
        for (MultipartFile part : parts) {
            String name = part.getOriginalFilename();
            if (name == null || name.isEmpty() && part.isEmpty()) {
                continue; // a form field, or a form's file input left empty
            }
            files.add(new Part(FileNames.check(name), bytes(part)));
        }
        if (files.isEmpty()) {
            throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_EMPTY,
                    "The multipart body holds no file; send each file as a part with a filename (curl -F file=@x)");
        }
        long total = files.stream().mapToLong(p -> p.content().length).sum();
        if (total > limits.maxRequestSize().toBytes()) {
            throw UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_TOO_LARGE, "The files together are "
                    + total + " bytes; the limit is " + limits.maxRequestSize().toBytes(),
                    limits.maxRequestSize().toBytes(), null);
        }
        boolean anyZip = files.stream()
                .anyMatch(p -> ZipReader.isArchiveName(p.name()) || ZipReader.looksLikeZip(p.content()));
        if (anyZip) {
            if (files.size() > 1) {
                Part zip = files.stream()
                        .filter(p -> ZipReader.isArchiveName(p.name()) || ZipReader.looksLikeZip(p.content()))
                        .findFirst().orElseThrow();
                throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_NESTED_ARCHIVE, "'" + zip.name()
                        + "' is an archive uploaded with other files; upload a zip on its own", zip.name());
            }
            return zip(files.getFirst().name(), files.getFirst().content());
        }
        return files(files);
    }

    private Upload zip(String name, byte[] zip) {
        return new Upload(Upload.Form.ZIP, zips.read(name, zip), zip, name);
    }

    private Upload files(List<Part> parts) {
        Set<String> names = new HashSet<>();
        List<UploadedFile> files = new ArrayList<>();
        for (Part part : parts) {
            if (!names.add(part.name())) {
                throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_DUPLICATE_NAME,
                        "Two files are named '" + part.name() + "'", part.name());
            }
            if (part.name().endsWith("/")) {
                throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_UNSAFE_NAME,
                        "'" + part.name() + "' names a folder, not a file", part.name());
            }
            if (part.content().length == 0) {
                throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_EMPTY,
                        "'" + part.name() + "' is empty", part.name());
            }
            if (part.content().length > limits.maxFileSize().toBytes()) {
                throw UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_TOO_LARGE, "'" + part.name()
                        + "' is " + part.content().length + " bytes; the limit per file is "
                        + limits.maxFileSize().toBytes(), limits.maxFileSize().toBytes(), part.name());
            }
            files.add(new UploadedFile(part.name(), part.content(), true));
        }
        return new Upload(Upload.Form.FILES, files, null, null);
    }

    private byte[] readBody(HttpServletRequest request) {
        long max = limits.maxRequestSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLargeBody(max);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                out.write(buffer, 0, read);
                if (out.size() > max) {
                    throw tooLargeBody(max);
                }
            }
            if (out.size() == 0) {
                throw UploadRefusedException.badRequest(RegistryErrorCodes.UPLOAD_EMPTY, "The request body is empty");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload body", e);
        }
    }

    private static UploadRefusedException tooLargeBody(long max) {
        return UploadRefusedException.tooLarge(RegistryErrorCodes.UPLOAD_TOO_LARGE,
                "The request body is larger than " + max + " bytes", max, null);
    }

    private static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw UploadRefusedException.unsupportedType(header, RAW_TYPES.stream().map(MediaType::toString).toList());
        }
    }

    private static String dispositionName(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            String name = ContentDisposition.parse(header).getFilename();
            return name == null || name.isBlank() ? null : name;
        } catch (IllegalArgumentException e) {
            throw UploadRefusedException.badRequest(RegistryErrorCodes.BAD_REQUEST,
                    "The Content-Disposition header cannot be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded part " + part.getOriginalFilename(), e);
        }
    }

    /** A file before its checks. */
    private record Part(String name, byte[] content) {
    }
}
