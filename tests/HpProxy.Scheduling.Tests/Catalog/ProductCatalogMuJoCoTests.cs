using HpProxy.MuJoCo;
using HpProxy.Scheduling.Catalog;

namespace HpProxy.Scheduling.Tests.Catalog;

public sealed class ProductCatalogMuJoCoTests
{
    [Fact]
    public void The_default_catalog_has_the_MuJoCo_tasks_exactly_when_libmujoco_loads()
    {
        var catalog = ProductCatalog.Default;
        Assert.True(catalog.HasTask("pendulum")); // classic studies always run
        Assert.Equal(MuJoCoTasks.IsAvailable(out _), catalog.HasTask("hopper"));
    }
}
