package dev.proctor.model.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.proctor.api.ProctorException;

/**
 * Maps {@code --device cpu|gpu|gpu:N} to a DJL {@link Device}; a GPU that the engine cannot see is an error. Shared
 * by the language-model backends and the retrieval encoders.
 */
public final class DeviceResolver {
    private DeviceResolver() {
    }

    /**
     * @param device the user's {@code --device} value
     * @param engine the engine that will run the model
     * @throws ProctorException if the value is malformed or asks for a GPU the engine does not see; Proctor never
     *                          falls back to the CPU on its own
     */
    public static Device resolve(String device, Engine engine) {
        if (device.equals("cpu")) {
            return Device.cpu();
        }
        if (!device.matches("gpu(:\\d+)?")) {
            throw new ProctorException("device '" + device + "' is not one of cpu, gpu, gpu:N");
        }
        int id = device.equals("gpu") ? 0 : Integer.parseInt(device.substring(4));
        int visible = engine.getGpuCount();
        if (visible == 0) {
            throw new ProctorException("--device " + device + " asks for a GPU, but the " + engine.getEngineName()
                    + " engine sees none (no CUDA device or no GPU build of the engine); use --device cpu to run on the CPU");
        }
        if (id >= visible) {
            throw new ProctorException("--device " + device + " asks for GPU " + id + ", but the " + engine.getEngineName()
                    + " engine sees only " + visible + " GPU(s): gpu:0.." + "gpu:" + (visible - 1));
        }
        return Device.gpu(id);
    }

    /** The device as the user writes it: {@code cpu} or {@code gpu:N}. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
