module com.acme.app {
}
