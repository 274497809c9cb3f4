print("iotlab")
