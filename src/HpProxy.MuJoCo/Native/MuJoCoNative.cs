using System.Reflection;
using System.Runtime.InteropServices;

namespace HpProxy.MuJoCo.Native;

/// <summary>
/// <c>[LibraryImport]</c> bindings to the system MuJoCo (Debian's <c>libmujoco2.2.2</c>, DESIGN.md). Only the
/// handful of C entry points the tasks need; model and data fields are read through <see cref="Layout222"/>.
/// </summary>
internal static unsafe partial class MuJoCoNative
{
    private const string Library = "mujoco";

    // Debian ships libmujoco.so.2.2.2 (runtime package) and the libmujoco.so symlink (-dev package).
    private static readonly string[] Candidates = ["libmujoco.so.2.2.2", "libmujoco.so", "mujoco"];

    static MuJoCoNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(MuJoCoNative).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        }
        return IntPtr.Zero;
    }

    /// <summary>Loads the library and checks its version once; throws <see cref="MuJoCoNotFoundException"/> otherwise.</summary>
    public static void EnsureLoaded()
    {
        if (_checkedVersion != 0) return;
        int version;
        try
        {
            version = mj_version();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new MuJoCoNotFoundException("the MuJoCo shared library could not be loaded. " + MuJoCoNotFoundException.InstallHint, e);
        }
        if (version != Layout222.Version)
            throw new MuJoCoNotFoundException($"MuJoCo version {version} found, but the field layout is hard-coded for 2.2.2 ({Layout222.Version}). " + MuJoCoNotFoundException.InstallHint);
        _checkedVersion = version;
    }

    /// <summary>True when the library loads and has the expected version (for test skips and <c>hpproxy tasks</c>).</summary>
    public static bool IsAvailable(out string reason)
    {
        try
        {
            EnsureLoaded();
            reason = "";
            return true;
        }
        catch (MuJoCoNotFoundException e)
        {
            reason = e.Message;
            return false;
        }
    }

    private static int _checkedVersion;

    [LibraryImport(Library)]
    internal static partial int mj_version();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr mj_loadXML(string filename, IntPtr vfs, byte* error, int errorSize);

    [LibraryImport(Library)]
    internal static partial IntPtr mj_makeData(IntPtr model);

    [LibraryImport(Library)]
    internal static partial void mj_deleteData(IntPtr data);

    [LibraryImport(Library)]
    internal static partial void mj_deleteModel(IntPtr model);

    [LibraryImport(Library)]
    internal static partial void mj_resetData(IntPtr model, IntPtr data);

    [LibraryImport(Library)]
    internal static partial void mj_step(IntPtr model, IntPtr data);

    [LibraryImport(Library)]
    internal static partial void mj_forward(IntPtr model, IntPtr data);

    [LibraryImport(Library)]
    internal static partial void mj_rnePostConstraint(IntPtr model, IntPtr data);
}
