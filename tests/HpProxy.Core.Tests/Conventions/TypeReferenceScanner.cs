using System.Reflection;
using System.Reflection.Emit;

namespace HpProxy.Core.Tests.Conventions;

/// <summary>
/// Finds every type a type touches: its base types and interfaces, fields, properties, method signatures,
/// local variables, and every member referenced from its IL (calls, field loads, object creation, casts),
/// recursing into generic arguments. Used to prove that agents and proxies never touch the true reward.
/// </summary>
internal static class TypeReferenceScanner
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                     BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each (where, referenced type) pair found in <paramref name="type"/>.</summary>
    public static IEnumerable<(string Where, Type Referenced)> References(Type type)
    {
        if (type.BaseType is { } b) foreach (var t in Expand(b)) yield return ("base type", t);
        foreach (var i in type.GetInterfaces()) foreach (var t in Expand(i)) yield return ("interface", t);
        foreach (var f in type.GetFields(All)) foreach (var t in Expand(f.FieldType)) yield return ($"field {f.Name}", t);
        foreach (var p in type.GetProperties(All)) foreach (var t in Expand(p.PropertyType)) yield return ($"property {p.Name}", t);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) foreach (var t in Expand(mi.ReturnType)) yield return ($"{m.Name} return", t);
            foreach (var p in m.GetParameters()) foreach (var t in Expand(p.ParameterType)) yield return ($"{m.Name} parameter {p.Name}", t);
            var body = m.GetMethodBody();
            if (body is null) continue;
            foreach (var l in body.LocalVariables) foreach (var t in Expand(l.LocalType)) yield return ($"{m.Name} local", t);
            foreach (var member in IlMembers(m, body)) foreach (var t in MemberTypes(member)) yield return ($"{m.Name} IL {member.Name}", t);
        }
    }

    private static IEnumerable<Type> MemberTypes(MemberInfo member)
    {
        switch (member)
        {
            case Type t:
                foreach (var x in Expand(t)) yield return x;
                break;
            case FieldInfo f:
                foreach (var x in Expand(f.DeclaringType!).Concat(Expand(f.FieldType))) yield return x;
                break;
            case MethodBase m:
                foreach (var x in Expand(m.DeclaringType!)) yield return x;
                if (m is MethodInfo mi) foreach (var x in Expand(mi.ReturnType)) yield return x;
                foreach (var p in m.GetParameters()) foreach (var x in Expand(p.ParameterType)) yield return x;
                break;
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()!)) yield return t;
            yield break;
        }
        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var arg in type.GetGenericArguments()) foreach (var t in Expand(arg)) yield return t;
        }
    }

    /// <summary>Members whose metadata tokens appear as operands in the method's IL.</summary>
    private static IEnumerable<MemberInfo> IlMembers(MethodBase method, MethodBody body)
    {
        byte[]? il = body.GetILAsByteArray();
        if (il is null) yield break;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int pos = 0;
        while (pos < il.Length)
        {
            short value = il[pos] == 0xFE ? (short)(0xFE00 | il[pos + 1]) : il[pos];
            pos += il[pos] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            int operandSize = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, pos),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                int token = BitConverter.ToInt32(il, pos);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // Tokens of open generic contexts that cannot be resolved here carry no reward type.
                }
                if (member is not null) yield return member;
            }
            pos += operandSize;
        }
    }
}
