using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SeoulAiHub.Tests.Platform.Architecture;

/// <summary>How one type of the application uses a type of another part of it.</summary>
/// <param name="Table">True for a read or write of the used entity's table (<c>DbSet&lt;T&gt;</c>, <c>Set&lt;T&gt;()</c>).</param>
/// <param name="ToFullName">The used (outermost) type's full name, to look it up by reflection.</param>
public sealed record TypeUse(
    string FromPart, string FromType, string FromMember, string ToPart, string ToType, bool Table, string ToFullName)
{
    public override string ToString() =>
        $"{FromPart}.{FromType}.{FromMember} -> {ToPart}.{ToType}{(Table ? " (table)" : "")}";
}

/// <summary>
/// Every use of a type of the application by another, read from the compiled assembly's IL with Mono.Cecil:
/// signatures, attributes and method bodies. Compiler-made types (lambdas' closures, async and iterator state
/// machines, nested types) count for their outermost type and the method they were written in, so a lambda inside
/// <c>OnGetAsync</c> is reported as <c>OnGetAsync</c>. Compiled Razor views count for the folder of their page.
/// </summary>
public static class ModuleGraph
{
    private const string Features = "SeoulAiHub.Features.";
    private const string Platform = "SeoulAiHub.Platform";

    public static IReadOnlyList<TypeUse> Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var uses = new HashSet<TypeUse>();
        foreach (var type in assembly.MainModule.Types.SelectMany(AndNested))
        {
            var outer = Outermost(type);
            if (PartOf(outer) is not { } part)
            {
                continue;
            }

            void Add(string member, TypeReference? used) => Collect(uses, part, outer, member, used, table: false);

            Add("(declaration)", type.BaseType);
            foreach (var i in type.Interfaces)
            {
                Add("(declaration)", i.InterfaceType);
            }

            foreach (var a in type.CustomAttributes)
            {
                Add("(declaration)", a.AttributeType);
            }

            foreach (var field in type.Fields)
            {
                Add(MemberName(type, field.Name), field.FieldType);
            }

            foreach (var property in type.Properties)
            {
                Add(MemberName(type, property.Name), property.PropertyType);
                foreach (var a in property.CustomAttributes)
                {
                    Add(MemberName(type, property.Name), a.AttributeType);
                }
            }

            foreach (var method in type.Methods)
            {
                var member = MemberName(type, method.Name);
                Add(member, method.ReturnType);
                foreach (var p in method.Parameters)
                {
                    Add(member, p.ParameterType);
                }

                foreach (var a in method.CustomAttributes)
                {
                    Add(member, a.AttributeType);
                }

                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var v in method.Body.Variables)
                {
                    Add(member, v.VariableType);
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Add(member, t);
                            break;
                        case FieldReference f:
                            Add(member, f.DeclaringType);
                            Add(member, f.FieldType);
                            break;
                        case MethodReference m:
                            AddCall(uses, part, outer, member, m);
                            break;
                    }
                }
            }
        }

        return [.. uses];
    }

    private static void AddCall(HashSet<TypeUse> uses, string part, TypeDefinition outer, string member, MethodReference m)
    {
        Collect(uses, part, outer, member, m.DeclaringType, table: false);
        Collect(uses, part, outer, member, m.ReturnType, table: false);
        foreach (var p in m.Parameters)
        {
            Collect(uses, part, outer, member, p.ParameterType, table: false);
        }

        if (m is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Collect(uses, part, outer, member, argument, table: false);
            }
        }

        // db.Organizations (a DbSet<Organization> property of HubDb) or db.Set<Organization>(): a use of the table.
        if (m.ReturnType is GenericInstanceType { ElementType.FullName: "Microsoft.EntityFrameworkCore.DbSet`1" } set)
        {
            Collect(uses, part, outer, member, set.GenericArguments[0], table: true);
        }
        else if (m is GenericInstanceMethod { Name: "Set", ReturnType: GenericInstanceType { ElementType.Name: "DbSet`1" } } setOf)
        {
            Collect(uses, part, outer, member, setOf.GenericArguments[0], table: true);   // its return type is DbSet<TEntity>
        }
    }

    private static void Collect(HashSet<TypeUse> uses, string part, TypeDefinition outer, string member, TypeReference? used, bool table)
    {
        switch (used)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Collect(uses, part, outer, member, generic.ElementType, table: false);
                foreach (var argument in generic.GenericArguments)
                {
                    Collect(uses, part, outer, member, argument, table: false);
                }

                return;
            case TypeSpecification specification:   // arrays, by-ref, pointers, modifiers
                Collect(uses, part, outer, member, specification.ElementType, table);
                return;
        }

        var usedOuter = used!;
        while (usedOuter.DeclaringType is not null)
        {
            usedOuter = usedOuter.DeclaringType;
        }

        if (PartOf(usedOuter.Namespace, usedOuter.Name) is { } usedPart && (usedPart != part || table))
        {
            uses.Add(new TypeUse(part, outer.Name, member, usedPart, usedOuter.Name, table, usedOuter.FullName));
        }
    }

    private static IEnumerable<TypeDefinition> AndNested(TypeDefinition type) => type.NestedTypes.SelectMany(AndNested).Prepend(type);

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);

    private static string? PartOf(TypeDefinition type) => PartOf(type.Namespace, type.Name);

    /// <summary>"Organizations" for SeoulAiHub.Features.Organizations.*, "Platform.Data" for SeoulAiHub.Platform.Data.*.</summary>
    public static string? PartOf(string ns, string typeName)
    {
        if (ns.StartsWith(Features, StringComparison.Ordinal))
        {
            return ns[Features.Length..].Split('.')[0];
        }

        if (ns == Platform)
        {
            return "Platform";
        }

        if (ns.StartsWith(Platform + ".", StringComparison.Ordinal))
        {
            return "Platform." + ns[(Platform.Length + 1)..].Split('.')[0];
        }

        // Razor compiles Features/Organizations/Directory.cshtml to AspNetCoreGeneratedDocument.Features_Organizations_Directory.
        if (ns == "AspNetCoreGeneratedDocument" && typeName.StartsWith("Features_", StringComparison.Ordinal))
        {
            return typeName.Split('_')[1] is { Length: > 0 } folder ? folder : null;   // Features/_ViewStart: no module
        }

        return null;
    }

    /// <summary>The member as written: "OnGetAsync" for &lt;OnGetAsync&gt;d__5.MoveNext and &lt;OnGetAsync&gt;b__5_0.</summary>
    private static string MemberName(TypeDefinition type, string name)
    {
        if (Written(name) is { } written)
        {
            return written;
        }

        var path = new List<string>();
        for (var t = type; t.DeclaringType is not null; t = t.DeclaringType)
        {
            if (!t.Name.StartsWith('<'))
            {
                path.Insert(0, t.Name);   // a nested type of our own: Snapshot.get_Names
            }
            else if (Written(t.Name) is { } machine)
            {
                return machine;           // a state machine's fields and MoveNext belong to the method it was made for
            }
            else
            {
                return "(closure)";       // a closure's captured variables: the lambdas using them are reported too
            }
        }

        path.Add(name);
        return string.Join('.', path);
    }

    private static string? Written(string name) =>
        name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? name[1..end] : null;
}
