namespace HpProxy.MuJoCo.Tests;

/// <summary>A fact that is skipped, with the install hint, when libmujoco 2.2.2 cannot be loaded.</summary>
public sealed class MuJoCoFactAttribute : FactAttribute
{
    public MuJoCoFactAttribute()
    {
        if (!MuJoCoTasks.IsAvailable(out var reason)) Skip = reason;
    }
}

/// <summary>A theory that is skipped, with the install hint, when libmujoco 2.2.2 cannot be loaded.</summary>
public sealed class MuJoCoTheoryAttribute : TheoryAttribute
{
    public MuJoCoTheoryAttribute()
    {
        if (!MuJoCoTasks.IsAvailable(out var reason)) Skip = reason;
    }
}
