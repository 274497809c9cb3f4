/// Every REST operation the HTTPS front door serves, service side then device side.
///
/// Literal paths come before parameterised ones of the same shape (`POST /devices/query`
/// before anything under `/devices/{}`), and the blob route, which takes any path, comes last,
/// since the first match wins.
enum RESTRoutes {
    static let all: [RESTRoute] =
        QueryOperations.routes + RegistryOperations.routes + TwinOperations.routes + MethodOperations.routes
        + StatisticsOperations.routes + CloudToDeviceOperations.routes + TelemetryOperations.routes
        + DigitalTwinOperations.routes + CloudToDeviceReceiveOperations.routes + FileUploadOperations.routes
        + FileUploadOperations.blobRoutes
}
