namespace HpProxy.MuJoCo.Native;

/// <summary>
/// Byte offsets of the <c>mjModel</c>/<c>mjData</c> fields we read, for MuJoCo 2.2.2 on x86-64 Linux.
/// Printed with <c>offsetof</c> by a C program compiled against Debian's headers (the same program lives in
/// <c>tests/HpProxy.MuJoCo.Tests/Native/layout.c</c>; a test recompiles it when a C compiler is present and
/// compares). <see cref="MuJoCoNative.EnsureLoaded"/> refuses any other <c>mj_version()</c>.
/// </summary>
internal static class Layout222
{
    public const int Version = 222;

    // mjModel: int sizes
    public const int ModelNq = 0;
    public const int ModelNv = 4;
    public const int ModelNu = 8;
    public const int ModelNbody = 16;
    // mjModel.opt.timestep (mjOption is embedded at 232, timestep is its first field)
    public const int ModelTimestep = 232;
    // mjModel pointers
    public const int ModelQpos0 = 1096;
    public const int ModelBodyMass = 1240;

    // mjData pointers
    public const int DataTime = 40336;
    public const int DataQpos = 40376;
    public const int DataQvel = 40384;
    public const int DataCtrl = 40408;
    public const int DataXipos = 40504;
    public const int DataCinert = 40616;
    public const int DataCvel = 40960;
    public const int DataQfrcActuator = 41088;
    public const int DataCfrcExt = 41168;
}
