namespace HpProxy.Core.Agents;

/// <summary>Thrown by a learner whose numbers stopped being finite (or that otherwise blew up).
/// The run becomes a recorded failure with <see cref="Exception.Message"/> as its reason.</summary>
public sealed class DivergenceException(string reason) : Exception(reason);
