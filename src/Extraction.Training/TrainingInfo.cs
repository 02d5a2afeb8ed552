namespace Extraction.Training;

/// <summary>Training and evaluation code for the Extraction models. Never referenced by the library.</summary>
internal static class TrainingInfo
{
}
