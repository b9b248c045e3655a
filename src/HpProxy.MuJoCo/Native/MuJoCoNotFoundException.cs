namespace HpProxy.MuJoCo.Native;

/// <summary>The MuJoCo shared library could not be loaded, or is not the version whose layout we read.</summary>
public sealed class MuJoCoNotFoundException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string InstallHint =
        "MuJoCo tasks need Debian's MuJoCo 2.2.2: install the package 'libmujoco2.2.2' " +
        "(e.g. 'sudo apt-get install libmujoco-dev', or run scripts/setup.sh); the humanoid task also needs 'libmujoco-samples'.";
}
