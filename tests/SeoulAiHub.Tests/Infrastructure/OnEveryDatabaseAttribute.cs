using System.Reflection;
using SeoulAiHub.Platform.Data;
using Xunit.Sdk;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>
/// Theory rows: the test runs once on each database the hub supports, SQLite and PostgreSQL, and shows as one case
/// per database. Write it beside the theory: <c>[Theory, OnEveryDatabase]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnEveryDatabaseAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
