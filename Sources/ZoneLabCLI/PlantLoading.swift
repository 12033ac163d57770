import ArgumentParser
import ZoneLabIEC62443
import ZoneLabModel

extension SimulationOptions {
    /// The simulation these options ask for. The `--calibration` file is loaded here, once per
    /// command, and its warnings are printed once.
    func settings(shard: ShardSpec? = nil) throws -> SimulationSettings {
        SimulationSettings(
            trials: trials, seed: seed, threads: threads, attackers: attackers, horizon: horizon?.span,
            calibration: try loadCalibration(calibration), shard: shard.map { ($0.index, $0.count) })
    }
}

/// The plant model of a loaded scenario under `settings`; an attacker id the scenario does not
/// have is a usage error (exit 64) that lists the attackers it has.
func plantModel(_ loaded: LoadedScenario, settings: SimulationSettings) throws -> PlantModel {
    do {
        return try PlantModel(loaded, settings: settings)
    } catch {
        throw ValidationError(error.description)
    }
}

/// Loads a scenario (printing its warnings; bad input exits 65) and builds its plant model.
func loadPlant(_ path: String, settings: SimulationSettings) throws -> (loaded: LoadedScenario, model: PlantModel) {
    let loaded = try loadScenario(path)
    return (loaded, try plantModel(loaded, settings: settings))
}
