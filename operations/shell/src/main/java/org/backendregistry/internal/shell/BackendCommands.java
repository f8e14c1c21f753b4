package org.backendregistry.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.backendregistry.api.BackendId;
import org.backendregistry.api.BackendProvider;
import org.backendregistry.api.BackendRegistry;
import org.backendregistry.api.runtime.BackendRegistryRuntime;
import org.backendregistry.api.runtime.NameDTO;
import org.backendregistry.api.runtime.RegistryRuntimeDTO;
import org.backendregistry.attention.AttentionBackend;
import org.backendregistry.attention.AttentionBackendId;
import org.backendregistry.attention.AttentionInput;
import org.backendregistry.attention.ReferenceAttention;
import org.backendregistry.mamba.MambaBackendId;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code backend:} shell commands. Plain public methods taking Strings and printing their answer to
 * the session's output, so Gogo and the Karaf shell (interactive or batch) call them alike; registry
 * errors are printed as their message, never as a stack trace.
 */
@Component(service = BackendCommands.class, property = {
        "osgi.command.scope=backend",
        "osgi.command.function=list",
        "osgi.command.function=info",
        "osgi.command.function=failures",
        "osgi.command.function=clear",
        "osgi.command.function=retry",
        "osgi.command.function=pin",
        "osgi.command.function=unpin",
        "osgi.command.function=run" })
public class BackendCommands {

    /** What a command does; it may throw, {@link #answer} turns that into text. */
    private interface Command {
        String execute() throws Exception;
    }

    private final BackendRegistry registry;
    private final BackendRegistryRuntime runtime;
    private final Pinning pinning;
    private final OverrideClearing clearing;

    // typed ComponentServiceObjects so that this class never names a cm type and loads without ConfigAdmin
    @Reference(service = ConfigurationAdmin.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<?> configurationAdmin;

    @Activate
    public BackendCommands(BundleContext context, @Reference BackendRegistry registry,
            @Reference BackendRegistryRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
        this.pinning = new Pinning(registry, new RuntimeChanges(context, runtime));
        this.clearing = new OverrideClearing(registry, runtime);
    }

    /** {@code backend:list}: every name of both families. */
    public void list() {
        list(null);
    }

    /** {@code backend:list attention|mamba}: every name of one family, catalog names first. */
    public void list(String family) {
        print(() -> {
            Predicate<NameDTO> selected = familyFilter(family);
            RegistryRuntimeDTO dto = runtime.getRuntimeDTO();
            List<NameDTO> names = new ArrayList<>();
            NameEntries.names(dto).stream().filter(n -> !ProviderText.isMamba(n)).filter(selected).forEach(names::add);
            NameEntries.names(dto).stream().filter(ProviderText::isMamba).filter(selected).forEach(names::add);
            return String.join("\n", NameTable.format(names));
        });
    }

    /** {@code backend:info NAME}: who serves the name and why, and why every other provider does not. */
    public void info(String name) {
        print(() -> report(NameArgument.resolve(registry, name)));
    }

    /** {@code backend:failures}: services that are not providers, and configuration problems. */
    public void failures() {
        print(() -> String.join("\n", FailureReport.describe(runtime.getRuntimeDTO())));
    }

    /**
     * {@code backend:clear NAME}: sets aside every override of the name, serving or not, so that its
     * default serves again once nothing pins another provider.
     */
    public void clear(String name) {
        print(() -> clearing.clear(name));
    }

    /**
     * {@code backend:retry NAME}: tries again the providers of the name whose object could not be obtained,
     * then reports on the name as {@code backend:info} does.
     */
    public void retry(String name) {
        print(() -> {
            BackendId<?> id = NameArgument.resolve(registry, name);
            long failed = NameEntries.find(runtime.getRuntimeDTO(), id).map(NameReport::failedProviders).orElse(0L);
            registry.retry(id);
            String display = NameArgument.display(id);
            String tried = failed == 0 ? display + " has no failed provider; nothing to try again."
                    : "Tried " + failed + " failed provider" + (failed == 1 ? "" : "s") + " of " + display + " again.";
            return tried + "\n" + report(id);
        });
    }

    /** {@code backend:pin NAME TARGET}: pins the name to a bundle symbolic name or class, through ConfigAdmin. */
    public void pin(String name, String target) {
        print(() -> target == null || target.isBlank()
                ? "Name the bundle symbolic name or class to pin " + name + " to."
                : pinning.change(configurationAdmin, name, target.trim()));
    }

    /** {@code backend:unpin NAME}: removes the name's pin from the configuration. */
    public void unpin(String name) {
        print(() -> pinning.change(configurationAdmin, name, null));
    }

    /** {@code backend:run NAME}: computes a small attention problem through whoever serves the name now. */
    public void run(String name) {
        print(() -> {
            BackendId<?> id = NameArgument.resolve(registry, name);
            if (NameArgument.isMamba(id)) {
                return NameArgument.display(id) + " is a mamba backend: mamba backends have no compute entry "
                        + "point, so there is nothing to run.";
            }
            @SuppressWarnings("unchecked")
            AttentionBackend backend = registry.backend((BackendId<AttentionBackend>) id);
            String provider = registry.serving(id).map(BackendProvider::toString)
                    .orElse(backend.getClass().getName());
            AttentionInput input = AttentionRun.problem();
            float[] output;
            long start = System.nanoTime();
            try {
                output = backend.compute(input);
            } catch (UnsupportedOperationException cannotComputeHere) {
                return provider + " cannot compute here: " + cannotComputeHere.getMessage();
            } catch (RuntimeException failed) {
                return provider + " failed to compute " + NameArgument.display(id) + ": " + failed;
            }
            long nanos = System.nanoTime() - start;
            return AttentionRun.report(NameArgument.display(id), provider, nanos, output,
                    ReferenceAttention.compute(input));
        });
    }

    /** @return the {@code backend:info} report on the name */
    private String report(BackendId<?> id) {
        return NameEntries.find(runtime.getRuntimeDTO(), id).map(n -> String.join("\n", NameReport.describe(n)))
                .orElse(NameArgument.display(id) + " is no longer known to the registry.");
    }

    private static Predicate<NameDTO> familyFilter(String family) {
        if (family == null || family.isBlank()) {
            return n -> true;
        }
        if (family.equals("attention") || family.equals(AttentionBackendId.FAMILY.displayName())) {
            return n -> !ProviderText.isMamba(n);
        }
        if (family.equals("mamba") || family.equals(MambaBackendId.FAMILY.displayName())) {
            return ProviderText::isMamba;
        }
        throw new IllegalArgumentException("Unknown family '" + family + "'. Valid families are: attention, mamba.");
    }

    /**
     * Prints the command's answer rather than returning it: the shells print what a command writes in
     * every mode, while a returned value is shown only at an interactive prompt (not in Karaf's batch
     * mode, {@code bin/client -b}).
     */
    private static void print(Command command) {
        System.out.println(answer(command));
    }

    private static String answer(Command command) {
        try {
            return command.execute();
        } catch (IllegalArgumentException | IllegalStateException registryError) {
            return registryError.getMessage();
        } catch (Exception unexpected) {
            return "The command failed: " + unexpected;
        }
    }
}
