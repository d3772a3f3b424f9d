using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RegimenLang.Tests.Architecture;

/// <summary>
/// What the compiled library's types use, read from its IL with Mono.Cecil (base types, fields, signatures,
/// locals and every type, method and field an instruction names), by namespace and by method.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _witness = [];

    public DependencyGraph(Assembly assembly)
    {
        Module = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var type in AllTypes(Module.Types))
        {
            string from = NamespaceOf(type);
            foreach (var used in Uses(type))
            {
                string to = used.Namespace;
                if (to.Length == 0 || to == from)
                {
                    continue;
                }
                if (!_edges.TryGetValue(from, out var targets))
                {
                    _edges[from] = targets = new(StringComparer.Ordinal);
                }
                if (targets.Add(to))
                {
                    _witness[(from, to)] = $"{type.FullName} uses {used.FullName}";
                }
            }
        }
    }

    public ModuleDefinition Module { get; }

    /// <summary>Each type of the module (nested ones included) with the full names of the types it uses, as "type uses used".</summary>
    public IEnumerable<(TypeDefinition Type, string Used)> TypeUses() =>
        AllTypes(Module.Types).SelectMany(t => Uses(t).Select(u => (t, Erased(u).FullName)).Distinct());

    private static TypeReference Erased(TypeReference type) =>
        type is TypeSpecification { ElementType: { } element } ? Erased(element) : type;

    public IReadOnlyCollection<string> Namespaces => [.. _edges.Keys];

    public IEnumerable<string> DependenciesOf(string ns) => _edges.TryGetValue(ns, out var targets) ? targets : [];

    public string Witness(string from, string to) => _witness.GetValueOrDefault((from, to)) ?? "";

    /// <summary>The namespace of a type, nested types (lambdas, state machines) counting as their outermost type's.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.Namespace;
    }

    public static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => new[] { t }.Concat(AllTypes(t.NestedTypes)));

    /// <summary>Groups of namespaces that depend on each other in a circle (strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm; the graph is a few dozen namespaces, so recursion depth is no concern.
        int index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in DependenciesOf(node))
            {
                if (!indices.TryGetValue(next, out int nextIndex))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }
            if (lowLinks[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    result.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return result;
    }

    /// <summary>Every type a type's definition and code name.</summary>
    public static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }
        foreach (var face in type.Interfaces)
        {
            yield return face.InterfaceType;
        }
        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var local in method.Body.Variables)
            {
                yield return local.VariableType;
            }
            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var used in Operand(instruction))
                {
                    yield return used;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                yield return t;
                break;
            case MethodReference m:
                yield return m.DeclaringType;
                yield return m.ReturnType;
                if (m is GenericInstanceMethod generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        yield return argument;
                    }
                }
                break;
            case FieldReference f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
        }
    }
}

/// <summary>
/// Which catalogue entries the code of a namespace can report: the descriptors it names itself, and those
/// named by the <c>Diagnose</c> builders (and catalogue helpers) it calls.
/// </summary>
public static class ReportedDiagnostics
{
    public static IReadOnlySet<RegimenLang.Diagnostics.DiagnosticDescriptor> By(DependencyGraph graph, string namespacePrefix)
    {
        var catalog = typeof(RegimenLang.Diagnostics.DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RegimenLang.Diagnostics.DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (RegimenLang.Diagnostics.DiagnosticDescriptor)f.GetValue(null)!, StringComparer.Ordinal);
        var memo = new Dictionary<string, HashSet<RegimenLang.Diagnostics.DiagnosticDescriptor>>(StringComparer.Ordinal);

        HashSet<RegimenLang.Diagnostics.DiagnosticDescriptor> Named(MethodDefinition method, bool followBuilders)
        {
            var found = new HashSet<RegimenLang.Diagnostics.DiagnosticDescriptor>();
            if (!method.HasBody)
            {
                return found;
            }
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is FieldReference { DeclaringType.FullName: "RegimenLang.Diagnostics.DiagnosticCatalog" } field
                    && catalog.TryGetValue(field.Name, out var descriptor))
                {
                    found.Add(descriptor);
                }
                else if (followBuilders && instruction.Operand is MethodReference { DeclaringType.FullName: "RegimenLang.Diagnostics.Diagnose" or "RegimenLang.Diagnostics.DiagnosticCatalog" } builder
                    && builder.Resolve() is { } resolved)
                {
                    string key = resolved.FullName;
                    if (!memo.TryGetValue(key, out var named))
                    {
                        memo[key] = named = []; // a builder that calls itself adds nothing more
                        named.UnionWith(Named(resolved, followBuilders: true));
                    }
                    found.UnionWith(named);
                }
            }
            return found;
        }

        var result = new HashSet<RegimenLang.Diagnostics.DiagnosticDescriptor>();
        foreach (var type in DependencyGraph.AllTypes(graph.Module.Types).Where(t => InNamespace(DependencyGraph.NamespaceOf(t), namespacePrefix)))
        {
            foreach (var method in type.Methods)
            {
                result.UnionWith(Named(method, followBuilders: true));
            }
        }
        return result;
    }

    public static bool InNamespace(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
}
