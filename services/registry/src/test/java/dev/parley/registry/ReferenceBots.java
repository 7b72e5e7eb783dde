package dev.parley.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The reference bots of {@code src/test/resources/bots} (real Salesforce metadata), renamed per test so tests do not
 * share bots, in each upload form.
 */
enum ReferenceBots {

    /** SFDX form, a Bot file and a BotVersion file. */
    ASTRO("Astro_Case_Resolution", List.of("Astro_Case_Resolution.bot-meta.xml", "v1.botVersion-meta.xml")),
    /** SFDX form, a Bot file and a BotVersion file. */
    EXTERNAL("ExternalBot", List.of("ExternalBot.bot-meta.xml", "v1.botVersion-meta.xml")),
    /** Metadata API form: one {@code .bot} file with inline versions. */
    KOVAI("kovai", List.of("kovai.bot"));

    private final String botName;
    private final List<String> fileNames;

    ReferenceBots(String botName, List<String> fileNames) {
        this.botName = botName;
        this.fileNames = fileNames;
    }

    /** The bot's API name in the files. */
    String botName() {
        return botName;
    }

    /** Whether it is one MDAPI {@code .bot} file. */
    boolean singleFile() {
        return fileNames.size() == 1;
    }

    /** A name unique to this call, so each test gets a bot of its own. */
    String uniqueName() {
        return botName + "_" + UUID.randomUUID().toString().substring(0, 8).replace('-', 'x');
    }

    /** The files as in the resources. */
    List<TestFile> files() {
        return fileNames.stream().map(f -> new TestFile(f, read("bots/" + botName + "/" + f))).toList();
    }

    /** The files with the bot's API name ({@code botMlDomain/name}) changed to {@code newName}. */
    List<TestFile> renamed(String newName) {
        List<TestFile> files = new ArrayList<>();
        for (TestFile file : files()) {
            String text = file.text();
            String from = "<name>" + botName + "</name>";
            if (text.contains(from)) {
                text = text.replaceFirst(from, "<name>" + newName + "</name>");
            }
            files.add(TestFile.of(file.name(), text));
        }
        return files;
    }

    /** A zip as the tools make it: an SFDX project folder, or an MDAPI package with its {@code package.xml}. */
    byte[] zip(List<TestFile> files) {
        List<TestFile> entries = new ArrayList<>();
        if (singleFile()) {
            entries.add(TestFile.of("package.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Package xmlns="http://soap.sforce.com/2006/04/metadata">
                        <types><members>*</members><name>Bot</name></types>
                        <version>60.0</version>
                    </Package>
                    """));
            files.forEach(f -> entries.add(new TestFile("bots/" + f.name(), f.content())));
        } else {
            entries.add(TestFile.of("sfdx-project.json", "{\"packageDirectories\":[{\"path\":\"force-app\"}]}"));
            files.forEach(f -> entries.add(new TestFile("force-app/main/default/bots/" + botName + "/" + f.name(),
                    f.content())));
        }
        return zipOf(entries);
    }

    static byte[] zipOf(List<TestFile> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (TestFile entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] read(String resource) {
        try (InputStream in = ReferenceBots.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(read(resource), StandardCharsets.UTF_8);
    }
}
