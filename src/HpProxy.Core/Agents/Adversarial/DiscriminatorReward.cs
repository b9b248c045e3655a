using HpProxy.Core.Agents.Replay;

namespace HpProxy.Core.Agents.Adversarial;

/// <summary>The discriminator's reward r(s, a, s') = transform(ℓ) on raw observations (absorbing indicator 0),
/// exposed for the imitation-return proxy. It reads the discriminator's current parameters.</summary>
public sealed class DiscriminatorReward : ILearnedReward
{
    private readonly AdversarialLearner _learner;
    private readonly ObservationEncoder _encoder;
    private readonly TransitionBatch _row;
    private readonly int _raw;

    internal DiscriminatorReward(AdversarialLearner learner, ObservationEncoder encoder, int actionSize)
    {
        (_learner, _encoder) = (learner, encoder);
        _row = new TransitionBatch(1, encoder.Size, actionSize);
        _raw = encoder.Size - (encoder.HasAbsorbingIndicator ? 1 : 0);
    }

    public double Reward(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation)
    {
        _row.Observations.AsSpan().Clear();
        _row.NextObservations.AsSpan().Clear();
        observation[.._raw].CopyTo(_row.Observations);
        nextObservation[.._raw].CopyTo(_row.NextObservations);
        action.CopyTo(_row.Actions);
        return _learner.Transform.Apply(_learner.Logit(_row));
    }
}
