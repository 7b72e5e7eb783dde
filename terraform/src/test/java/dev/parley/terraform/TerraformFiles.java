package dev.parley.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.hcl.HclParser;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.hcl.tree.Label;
import org.openrewrite.tree.ParseError;

/**
 * The top-level blocks of a set of Terraform files, parsed by OpenRewrite's HCL parser (a full HCL2 grammar that
 * round-trips the source exactly). A file that does not parse fails loudly with its name.
 */
final class TerraformFiles {

    private final List<Hcl.ConfigFile> files;

    private final List<TerraformBlock> blocks;

    private TerraformFiles(List<Hcl.ConfigFile> files) {
        this.files = files;
        List<TerraformBlock> all = new ArrayList<>();
        for (Hcl.ConfigFile file : files) {
            for (BodyContent content : file.getBody()) {
                if (content instanceof Hcl.Block block) {
                    all.add(new TerraformBlock(block, file));
                }
            }
        }
        this.blocks = List.copyOf(all);
    }

    /** Parses every {@code *.tf} file directly in {@code directory}. */
    static TerraformFiles load(Path directory) {
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + directory, ex);
        }
        if (paths.isEmpty()) {
            throw new IllegalStateException("No .tf files in " + directory.toAbsolutePath().normalize());
        }
        return parse(HclParser.builder().build().parse(paths, null, failingContext()).toList());
    }

    /** Parses HCL given as text (one string per file). */
    static TerraformFiles of(String... sources) {
        return parse(HclParser.builder().build().parse(failingContext(), sources).toList());
    }

    private static TerraformFiles parse(List<SourceFile> parsed) {
        List<Hcl.ConfigFile> files = new ArrayList<>();
        for (SourceFile file : parsed) {
            if (file instanceof ParseError error) {
                throw new IllegalStateException("HCL parse error in " + error.getSourcePath() + ": "
                        + error.getMarkers().getMarkers());
            }
            files.add((Hcl.ConfigFile) file);
        }
        return new TerraformFiles(files);
    }

    private static ExecutionContext failingContext() {
        return new InMemoryExecutionContext(error -> {
            throw new IllegalStateException("HCL parser failed: " + error.getMessage(), error);
        });
    }

    List<Hcl.ConfigFile> files() {
        return this.files;
    }

    List<TerraformBlock> blocks() {
        return this.blocks;
    }

    /** Top-level blocks of one type (resource, variable, module, locals, terraform, ...). */
    List<TerraformBlock> blocks(String type) {
        return this.blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    /** The one top-level block with this type and these labels. */
    TerraformBlock block(String type, String... labels) {
        List<TerraformBlock> found = this.blocks.stream()
            .filter(b -> b.type().equals(type) && b.labels().equals(List.of(labels)))
            .toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + type + " block " + Arrays.toString(labels) + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    /** The expression of {@code local.<name>}, from whichever locals block defines it. */
    Expression local(String name) {
        return blocks("locals").stream()
            .map(b -> b.attribute(name))
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow(() -> new AssertionError("No local." + name));
    }

    /** The source text of {@code local.<name>}. */
    String localText(String name) {
        return blocks("locals").stream()
            .flatMap(b -> b.text(name).stream())
            .findFirst()
            .orElseThrow(() -> new AssertionError("No local." + name));
    }

    /** A block of a Terraform file with the file it came from (printing needs it). */
    record TerraformBlock(Hcl.Block block, Hcl.ConfigFile file) {

        String type() {
            return this.block.getType().getName();
        }

        List<String> labels() {
            return this.block.getLabels().stream().map(this::labelText).toList();
        }

        private String labelText(Label label) {
            if (label instanceof Hcl.Literal literal) {
                return String.valueOf(literal.getValue());
            }
            if (label instanceof Hcl.Identifier identifier) {
                return identifier.getName();
            }
            return TerraformFiles.print(this.file, label);
        }

        Optional<Expression> attribute(String name) {
            return this.block.getBody().stream()
                .filter(c -> c instanceof Hcl.Attribute a && HclValues.key(a).equals(name))
                .map(c -> ((Hcl.Attribute) c).getValue())
                .findFirst();
        }

        List<String> attributeNames() {
            return this.block.getBody().stream()
                .filter(c -> c instanceof Hcl.Attribute)
                .map(c -> HclValues.key((Hcl.Attribute) c))
                .toList();
        }

        /** Source text of an attribute's expression, or empty when the block has no such attribute. */
        Optional<String> text(String name) {
            return attribute(name).map(e -> TerraformFiles.print(this.file, e));
        }

        /** The value of an attribute that must be a plain quoted string. */
        String string(String name) {
            Expression expression = attribute(name)
                .orElseThrow(() -> new AssertionError(this + " has no attribute " + name));
            return HclValues.string(expression)
                .orElseThrow(() -> new AssertionError(this + "." + name + " is not a plain string: "
                        + TerraformFiles.print(this.file, expression)));
        }

        List<TerraformBlock> blocks(String type) {
            return this.block.getBody().stream()
                .filter(c -> c instanceof Hcl.Block b && b.getType().getName().equals(type))
                .map(c -> new TerraformBlock((Hcl.Block) c, this.file))
                .toList();
        }

        String print(Tree tree) {
            return TerraformFiles.print(this.file, tree);
        }

        @Override
        public String toString() {
            return type() + " " + labels() + " (" + this.file.getSourcePath() + ")";
        }

    }

    /** Source text of a node of {@code file}. */
    static String print(Hcl.ConfigFile file, Tree tree) {
        return tree.printTrimmed(new Cursor(new Cursor(null, file), tree)).strip();
    }

}
