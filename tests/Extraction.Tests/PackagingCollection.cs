namespace Extraction.Tests;

/// <summary>Tests that start dotnet or a browser as child processes run one at a time (the machine has two cores).</summary>
[CollectionDefinition("Packaging", DisableParallelization = true)]
public sealed class PackagingCollection
{
}
