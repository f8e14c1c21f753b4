@echo off
rem Starts the Backend Registry: an embedded Apache Felix with the registry, the default backends, the shell
rem and hot deployment from deploy\. Needs a Java 17 (or later) runtime: JAVA_HOME, or java on the PATH.
rem Extra JVM options go in JAVA_OPTS. Ctrl-C stops it.
setlocal

rem the distribution's folder is this script's parent, wherever the script is called from
set "BACKEND_REGISTRY_HOME=%~dp0.."

if defined JAVA_HOME (
    set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
    set "JAVA=java"
)

rem relative paths in etc\config.properties are taken from the distribution's folder
cd /d "%BACKEND_REGISTRY_HOME%"
"%JAVA%" %JAVA_OPTS% -jar backend-registry.jar %*
endlocal
