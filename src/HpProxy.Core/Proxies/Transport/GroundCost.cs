namespace HpProxy.Core.Proxies.Transport;

/// <summary>The ground cost c(x, y) between two points of a transport problem.</summary>
public enum GroundCost
{
    /// <summary>‖x − y‖₂: the transport cost is then the 1-Wasserstein distance (the paper's proxy).</summary>
    Euclidean,

    /// <summary>‖x − y‖₂²: the transport cost is then W₂².</summary>
    SquaredEuclidean,
}
