using System.Runtime.InteropServices;

namespace HpProxy.MuJoCo.Native;

/// <summary>
/// One MuJoCo model and its data (not thread-safe: one per environment instance). Exposes the arrays we use as
/// spans over MuJoCo's own memory, so reading and writing the state allocates nothing.
/// </summary>
internal sealed unsafe class MjSimulation : IDisposable
{
    // MuJoCo 2.2's XML compiler keeps global parser state (the "last loaded model" of mj_saveLastXML), so loads
    // are serialised; stepping separate model/data pairs on separate threads is safe.
    private static readonly Lock LoadLock = new();

    private IntPtr _model;
    private IntPtr _data;

    public MjSimulation(string xmlPath)
    {
        MuJoCoNative.EnsureLoaded();
        if (!File.Exists(xmlPath)) throw new FileNotFoundException($"MuJoCo model file not found: {xmlPath}", xmlPath);
        const int errorSize = 1000;
        byte* error = stackalloc byte[errorSize];
        error[0] = 0;
        lock (LoadLock)
        {
            _model = MuJoCoNative.mj_loadXML(xmlPath, IntPtr.Zero, error, errorSize);
        }
        if (_model == IntPtr.Zero)
            throw new InvalidOperationException($"MuJoCo could not load {Path.GetFileName(xmlPath)}: {Marshal.PtrToStringUTF8((IntPtr)error)}");
        _data = MuJoCoNative.mj_makeData(_model);
        if (_data == IntPtr.Zero) throw new InvalidOperationException("mj_makeData failed");
        Nq = ModelInt(Layout222.ModelNq);
        Nv = ModelInt(Layout222.ModelNv);
        Nu = ModelInt(Layout222.ModelNu);
        Nbody = ModelInt(Layout222.ModelNbody);
        Timestep = *(double*)(_model + Layout222.ModelTimestep);
    }

    public int Nq { get; }
    public int Nv { get; }
    public int Nu { get; }
    public int Nbody { get; }
    public double Timestep { get; }

    public Span<double> Qpos => DataArray(Layout222.DataQpos, Nq);
    public Span<double> Qvel => DataArray(Layout222.DataQvel, Nv);
    public Span<double> Ctrl => DataArray(Layout222.DataCtrl, Nu);
    public ReadOnlySpan<double> Qpos0 => new(*(double**)(_model + Layout222.ModelQpos0), Nq);
    public ReadOnlySpan<double> BodyMass => new(*(double**)(_model + Layout222.ModelBodyMass), Nbody);
    public ReadOnlySpan<double> Xipos => DataArray(Layout222.DataXipos, 3 * Nbody);
    public ReadOnlySpan<double> Cinert => DataArray(Layout222.DataCinert, 10 * Nbody);
    public ReadOnlySpan<double> Cvel => DataArray(Layout222.DataCvel, 6 * Nbody);
    public ReadOnlySpan<double> QfrcActuator => DataArray(Layout222.DataQfrcActuator, Nv);
    public ReadOnlySpan<double> CfrcExt => DataArray(Layout222.DataCfrcExt, 6 * Nbody);
    public double Time => *(double*)(_data + Layout222.DataTime);

    public void ResetData() => MuJoCoNative.mj_resetData(_model, _data);

    public void Forward() => MuJoCoNative.mj_forward(_model, _data);

    public void Step() => MuJoCoNative.mj_step(_model, _data);

    /// <summary>Computes cfrc_ext (and cacc, cfrc_int), which mj_step no longer fills since MuJoCo 2.2.</summary>
    public void RnePostConstraint() => MuJoCoNative.mj_rnePostConstraint(_model, _data);

    private int ModelInt(int offset) => *(int*)(_model + offset);

    private Span<double> DataArray(int offset, int length)
    {
        ObjectDisposedException.ThrowIf(_data == IntPtr.Zero, this);
        return new Span<double>(*(double**)(_data + offset), length);
    }

    public void Dispose()
    {
        if (_data != IntPtr.Zero) MuJoCoNative.mj_deleteData(_data);
        if (_model != IntPtr.Zero) MuJoCoNative.mj_deleteModel(_model);
        _data = IntPtr.Zero;
        _model = IntPtr.Zero;
        GC.SuppressFinalize(this);
    }

    ~MjSimulation()
    {
        if (_data != IntPtr.Zero) MuJoCoNative.mj_deleteData(_data);
        if (_model != IntPtr.Zero) MuJoCoNative.mj_deleteModel(_model);
    }
}
