# Build and run Wenzheng on a real JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp -q package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 wenzheng
USER wenzheng
WORKDIR /app
COPY --from=build /src/target/wenzheng-*.jar /app/wenzheng.jar
ENV TZ=Asia/Shanghai
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/wenzheng.jar"]
