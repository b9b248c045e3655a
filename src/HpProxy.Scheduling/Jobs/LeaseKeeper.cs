using HpProxy.Storage;

namespace HpProxy.Scheduling.Jobs;

/// <summary>
/// Keeps a claim alive while its run works: renews the lease every lease/3 and cancels the work when the claim
/// is lost (renewal refused: another owner took the run over after an expiry) or when renewals kept failing
/// until the lease ran out (the database was unreachable; someone else may now own the run).
/// </summary>
public sealed class LeaseKeeper : IDisposable
{
    private readonly IStudyStore _store;
    private readonly RunClaim _claim;
    private readonly TimeSpan _lease;
    private readonly CancellationTokenSource _lost = new();
    private readonly Lock _gate = new();
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private DateTimeOffset _validUntil;
    private ITimer? _timer;
    private bool _stopped;

    public LeaseKeeper(IStudyStore store, RunClaim claim, TimeSpan lease, Action<string>? log = null, TimeProvider? time = null)
    {
        _store = store;
        _claim = claim;
        _lease = lease;
        _log = log ?? (_ => { });
        _time = time ?? TimeProvider.System;
        _validUntil = _time.GetUtcNow() + lease;
    }

    /// <summary>Cancelled once the claim is lost.</summary>
    public CancellationToken LostToken => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Starts periodic renewal (every lease/3).</summary>
    public void Start()
    {
        var every = _lease / 3;
        _timer = _time.CreateTimer(_ => RenewOnce(), null, every, every);
    }

    /// <summary>One renewal attempt (the timer's callback; tests call it directly). Returns whether the claim is held.</summary>
    public bool RenewOnce()
    {
        lock (_gate)
        {
            if (_stopped || _lost.IsCancellationRequested) return !_lost.IsCancellationRequested;
            try
            {
                var now = _time.GetUtcNow();
                if (_store.RenewLease(_claim, _lease))
                {
                    _validUntil = now + _lease;
                    return true;
                }
                _log($"run {_claim.RunId}: lease lost to another owner; stopping this attempt");
                _lost.Cancel();
                return false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A transient database error (busy, network): keep going while the lease we hold is still valid.
                if (_time.GetUtcNow() >= _validUntil)
                {
                    _log($"run {_claim.RunId}: lease expired while renewal kept failing ({e.Message}); stopping this attempt");
                    _lost.Cancel();
                    return false;
                }
                _log($"run {_claim.RunId}: lease renewal failed, will retry ({e.Message})");
                return true;
            }
        }
    }

    /// <summary>Stops renewing (before the final write). Waits for a renewal in progress.</summary>
    public void Stop()
    {
        _timer?.Dispose();
        lock (_gate) _stopped = true;
    }

    public void Dispose()
    {
        Stop();
        _lost.Dispose();
    }
}
