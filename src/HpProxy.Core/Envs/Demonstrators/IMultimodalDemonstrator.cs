namespace HpProxy.Core.Envs.Demonstrators;

/// <summary>
/// A scripted demonstrator that knows more than one way of solving its task (swing left or right first, elbow
/// up or down, ...). The human-like regime picks a mode per episode to make the demonstrations multimodal.
/// Mode 0 is the default; <see cref="Mode"/> is kept across <see cref="IDemonstrator.Reset"/>.
/// </summary>
public interface IMultimodalDemonstrator : IDemonstrator
{
    int ModeCount { get; }

    int Mode { get; set; }
}
